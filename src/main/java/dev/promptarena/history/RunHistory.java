package dev.promptarena.history;

import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The runs directly under a parent folder, oldest first, and grouped by arena for the trend. */
public final class RunHistory {
    private RunHistory() {}

    public static List<RunSummary> scan(Path parent) {
        if (!Files.isDirectory(parent)) throw new InputException(parent, "not a folder (give the parent of the run folders, e.g. reports)");
        List<RunSummary> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(parent)) {
            // Not through links: `latest` points at a run that is listed under its own name.
            dirs.filter(d -> Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)).forEach(d -> RunSummary.read(d).ifPresent(out::add));
        } catch (IOException e) {
            throw new InputException(parent, "cannot list: " + e.getMessage());
        }
        // Start time, then folder name: run ids start with the time too, and ties must not depend on listing order.
        out.sort(Comparator.comparing(RunSummary::startedAt).thenComparing(RunSummary::folder));
        return out;
    }

    /** Arena name -> its runs, oldest first; arenas in order of their first run. */
    public static Map<String, List<RunSummary>> byArena(List<RunSummary> runs) {
        Map<String, List<RunSummary>> out = new LinkedHashMap<>();
        runs.forEach(r -> out.computeIfAbsent(r.arena(), k -> new ArrayList<>()).add(r));
        return out;
    }
}
