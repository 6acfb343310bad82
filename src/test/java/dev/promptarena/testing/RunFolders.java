package dev.promptarena.testing;

import dev.promptarena.run.LatestPointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The run folders under a parent: what {@code Files.list} gives, without the parent's {@code latest} pointer. */
public final class RunFolders {
    private RunFolders() {}

    public static Stream<Path> list(Path parent) throws IOException {
        return Files.list(parent).filter(p -> !p.getFileName().toString().equals(LatestPointer.LINK)
                && !p.getFileName().toString().equals(LatestPointer.FILE));
    }
}
