package dev.promptarena.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.engine.ResponseCache;
import dev.promptarena.input.Hashing;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the pack costs a run's start: writes ENTRIES responses of about 1 KB (a realistic answer)
 * through {@link ResponseCache} (process CPU per entry, writer threads included), then opens the directory
 * again and times the first lookup (which waits for the index scan), the heap the index holds and the
 * CPU of looking every entry up. The index's heap is reliable only with {@code read} (a fresh JVM). Uses only the public API, so it also runs against earlier builds. Usage: {@code CacheBench DIR ENTRIES [read]}.
 */
public final class CacheBench {
    private CacheBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int entries = Integer.parseInt(args[1]);
        ObjectMapper json = new ObjectMapper();
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        // A third argument "read": the directory was written by an earlier run; measure the reading JVM alone.
        if (args.length < 3) write(dir, json, entries);
        double writeS = (System.nanoTime() - t0) / 1e9;
        double writeCpuUs = (cpuNanos() - c0) / 1e3 / entries;
        long bytes;
        try (var files = Files.walk(dir)) { bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum(); }

        long before = usedHeap();
        long t1 = System.nanoTime();
        ResponseCache reopened = new ResponseCache(dir, json);
        boolean hit = reopened.get(Hashing.sha256("request " + (entries - 1))).isPresent();
        double openS = (System.nanoTime() - t1) / 1e9;
        long indexBytes = usedHeap() - before;
        long c1 = cpuNanos();
        int hits = 0;
        for (int i = 0; i < entries; i++) if (reopened.get(Hashing.sha256("request " + i)).isPresent()) hits++;
        double getCpuUs = (cpuNanos() - c1) / 1e3 / entries;
        System.out.printf(Locale.ROOT, "entries=%d bytes_on_disk_mb=%.1f write_s=%.2f write_cpu_us_per_entry=%.0f"
                        + " open_and_first_get_s=%.3f hit=%s hits=%d get_cpu_us_per_hit=%.0f index_bytes_per_entry=%.0f%n",
                entries, bytes / 1e6, writeS, writeCpuUs, openS, hit, hits, getCpuUs, (double) indexBytes / entries);
        reopened.close();
    }

    /** In its own frame, so that nothing of the writing instance is still reachable when the index is measured. */
    private static void write(Path dir, ObjectMapper json, int entries) {
        String text = "Thanks for reaching out about your order. ".repeat(22);
        try (ResponseCache cache = new ResponseCache(dir, json)) {
            for (int i = 0; i < entries; i++) {
                cache.put(Hashing.sha256("request " + i), new LlmResponse(text + i, "m", null, new Usage(200, 250), "stop", 200, 1, false));
            }
        }
    }

    /** CPU of the whole process, the writer threads included. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) { System.gc(); Thread.sleep(50); }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
