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

    /**
     * What a scan found.
     *
     * @param runs       the runs, oldest first
     * @param unreadable folders with a report.json that cannot be read or is not a run's, each as the problem in words
     *                   (left out of the list, which used to happen without a word)
     */
    public record Scan(List<RunSummary> runs, List<String> unreadable) {}

    public static Scan scan(Path parent) {
        if (!Files.isDirectory(parent)) throw new InputException(parent, "not a folder (give the parent of the run folders, e.g. reports)");
        List<RunSummary> out = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(parent)) {
            // Not through links: `latest` points at a run that is listed under its own name.
            dirs.filter(d -> Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().forEach(d -> {
                try {
                    RunSummary.read(d).ifPresent(out::add);
                } catch (InputException e) {
                    unreadable.add(e.describe());
                }
            });
        } catch (IOException e) {
            throw new InputException(parent, "cannot list: " + e.getMessage());
        }
        // Start time, then folder name: run ids start with the time too, and ties must not depend on listing order.
        out.sort(Comparator.comparing(RunSummary::startedAt).thenComparing(RunSummary::folder));
        return new Scan(out, unreadable);
    }

    /** Arena name -> its runs, oldest first; arenas in order of their first run. */
    public static Map<String, List<RunSummary>> byArena(List<RunSummary> runs) {
        Map<String, List<RunSummary>> out = new LinkedHashMap<>();
        runs.forEach(r -> out.computeIfAbsent(r.arena(), k -> new ArrayList<>()).add(r));
        return out;
    }
}
