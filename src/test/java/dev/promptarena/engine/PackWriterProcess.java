package dev.promptarena.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A second process appending to a shared pack, started by {@link PackCacheProcessesTest} with the test
 * class path: {@code DIR PREFIX BATCHES BATCH_SIZE SEGMENT_BYTES}. Appends {@code BATCHES} batches of
 * {@link #value} entries keyed {@code PREFIX-i} and prints {@code appended N} after each, so the parent
 * knows which entries are on disk (BATCHES 0: until killed).
 */
public final class PackWriterProcess {
    private PackWriterProcess() {}

    /** The value stored under {@code key}: long enough that an append spans several writes of the page cache. */
    static byte[] value(String key) { return ("{\"text\":\"" + key + " ".repeat(300) + key + "\"}").getBytes(StandardCharsets.UTF_8); }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String prefix = args[1];
        int batches = Integer.parseInt(args[2]);
        int size = Integer.parseInt(args[3]);
        try (PackStore pack = new PackStore(dir, Long.parseLong(args[4]))) {
            int n = 0;
            for (int b = 0; batches == 0 || b < batches; b++) {
                List<Map.Entry<String, byte[]>> batch = new ArrayList<>();
                for (int i = 0; i < size; i++, n++) batch.add(Map.entry(prefix + "-" + n, value(prefix + "-" + n)));
                pack.append(batch);
                System.out.println("appended " + n);
                System.out.flush();
            }
        }
    }
}
