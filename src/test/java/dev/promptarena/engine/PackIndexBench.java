package dev.promptarena.engine;

import java.util.Locale;

/**
 * The pack index's heap at a 1M-case run's size (3 entries a case): fills a {@link PackIndex} with ENTRIES keys
 * (64-hex-digit like the cache's), then prints the heap it holds after a full GC, per entry, and the largest
 * growth spike (its largest table beside the one it grew from, 1.5 times smaller). Not a test: run with {@code java -cp target/classes:target/test-classes
 * dev.promptarena.engine.PackIndexBench 3000000}.
 */
public final class PackIndexBench {
    private PackIndexBench() {}

    public static void main(String[] args) throws InterruptedException {
        int entries = Integer.parseInt(args[0]);
        String[] keys = new String[1];
        long before = usedHeap();
        PackIndex index = new PackIndex();
        long peakTable = 0;
        for (int i = 0; i < entries; i++) {
            keys[0] = String.format(Locale.ROOT, "%064x", (long) i * 0x9E3779B97F4A7C15L);
            // Every key is new: a slot of the same fingerprint is never its record.
            index.put(keys[0], PackIndex.location(i % 7 + 1, 1000L * i), loc -> false);
        }
        peakTable = index.largestTableBytes() * 5 / 3;
        long held = usedHeap() - before;
        System.out.printf(Locale.ROOT, "entries=%d heap_mb=%.1f bytes_per_entry=%.1f table_mb=%.1f growth_spike_mb=%.1f size=%d%n",
                entries, held / 1e6, (double) held / entries, index.tableBytes() / 1e6, peakTable / 1e6, index.size());
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) { System.gc(); Thread.sleep(50); }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
