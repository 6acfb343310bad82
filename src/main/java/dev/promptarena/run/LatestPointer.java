package dev.promptarena.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The parent folder's pointer to its newest finished run, so CI and people can find the outputs without
 * listing folders: a symbolic link {@code latest -> <run-id>} (relative, so the parent can be moved or
 * uploaded), and where links are not allowed (Windows without developer mode) a text file
 * {@code latest.txt} holding the run id. Both are replaced atomically.
 */
public final class LatestPointer {
    /** The link's name in the parent. */
    public static final String LINK = "latest";
    /** The fallback pointer file's name. */
    public static final String FILE = "latest.txt";

    private LatestPointer() {}

    /** Points {@code <parent of run>/latest} at {@code run}; returns the pointer written, or null when neither could be. */
    public static Path update(Path run) {
        Path dir = run.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        Path target = dir.getFileName();
        try {
            Path tmp = parent.resolve(".latest-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            Files.createSymbolicLink(tmp, target);
            return Files.move(tmp, parent.resolve(LINK), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UnsupportedOperationException | SecurityException noLinks) {
            try {
                Path tmp = Files.createTempFile(parent, ".latest", ".txt");
                Files.writeString(tmp, target + "\n", StandardCharsets.UTF_8);
                return Files.move(tmp, parent.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                return null;
            }
        }
    }
}
