package dev.promptarena.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.engine.Journal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What opening a run's journal for {@code --resume} holds: opens JOURNAL (a copy: a torn last line is cut off),
 * then prints the entries read, the money they cost, the time to open and the heap still held after a full GC
 * (the in-memory index of completed calls). Uses only the public API, so it also runs against earlier builds'
 * jars. Usage: {@code java -cp JAR:target/test-classes dev.promptarena.bench.JournalOpenBench JOURNAL}.
 */
public final class JournalOpenBench {
    private JournalOpenBench() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long before = usedHeap();
        long t0 = System.nanoTime();
        try (Journal journal = Journal.open(file, new ObjectMapper(), Runnable::run)) {
            double openS = (System.nanoTime() - t0) / 1e9;
            long held = usedHeap() - before;
            System.out.printf(Locale.ROOT, "journal_mb=%.1f entries=%d spent_usd=%.4f open_s=%.2f heap_held_mb=%.1f bytes_per_entry=%.0f%n",
                    Files.size(file) / 1e6, journal.loadedEntries(), journal.spentUsd(), openS, held / 1e6,
                    (double) held / journal.loadedEntries());
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) { System.gc(); Thread.sleep(50); }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
