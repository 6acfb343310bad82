package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes sharing one pack directory, as shards on one machine or parallel CI jobs share a
 * cache: no timing assertion, only that every acknowledged entry is readable and intact afterwards.
 */
class PackCacheProcessesTest {
    /** Small segments, so the processes also rotate segments while they contend for the lock. */
    private static final long SEGMENT = 64 << 10;

    @Test
    void twoProcessesAppendingTogetherLoseAndCorruptNothing(@TempDir Path dir) throws Exception {
        PackStore reader = new PackStore(dir, SEGMENT);
        reader.append(List.of(Map.entry("seed", PackWriterProcess.value("seed")))); // indexed before the others write
        assertTrue(reader.get("p-0").isEmpty());

        Process one = start(dir, "p", "40", "25");
        Process two = start(dir, "q", "40", "25");
        assertEquals(0, one.waitFor(), output(one));
        assertEquals(0, two.waitFor(), output(two));

        // The reader opened before them sees their appends by scanning on a miss; a fresh one by its first scan.
        try (PackStore fresh = new PackStore(dir, SEGMENT)) {
            for (PackStore store : List.of(reader, fresh)) {
                for (String p : List.of("p", "q")) {
                    for (int i = 0; i < 1000; i++) {
                        String key = p + "-" + i;
                        assertArrayEquals(PackWriterProcess.value(key), store.get(key).orElseThrow(() -> new AssertionError(key)), key);
                    }
                }
            }
        }
        reader.close();
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertTrue(names.size() > 3, "segments rotated: " + names);
            assertTrue(names.stream().allMatch(n -> n.equals("lock") || n.matches("pack-\\d{6}\\.seg")), "nothing else left: " + names);
        }
    }

    @Test
    void aWriterKilledMidAppendLeavesEveryAcknowledgedEntryAndTheNextAppendCutsItsTornRecord(@TempDir Path dir) throws Exception {
        Process writer = start(dir, "k", "0", "7");
        int acknowledged = 0;
        BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
        for (String line; acknowledged < 700 && (line = out.readLine()) != null; ) {
            if (line.startsWith("appended ")) acknowledged = Integer.parseInt(line.substring(9));
        }
        writer.destroyForcibly().waitFor(); // SIGKILL: wherever it is, possibly mid-record
        assertTrue(acknowledged >= 700, "the writer acknowledged " + acknowledged);

        try (PackStore after = new PackStore(dir, SEGMENT)) {
            for (int i = 0; i < acknowledged; i++) {
                assertArrayEquals(PackWriterProcess.value("k-" + i), after.get("k-" + i).orElseThrow(), "k-" + i);
            }
            List<Map.Entry<String, byte[]>> more = new ArrayList<>();
            for (int i = 0; i < 20; i++) more.add(Map.entry("after-" + i, PackWriterProcess.value("after-" + i)));
            after.append(more);
        }
        try (PackStore fresh = new PackStore(dir, SEGMENT)) {
            for (int i = 0; i < 20; i++) {
                assertArrayEquals(PackWriterProcess.value("after-" + i), fresh.get("after-" + i).orElseThrow(), "after-" + i);
            }
            for (int i = 0; i < acknowledged; i++) assertTrue(fresh.get("k-" + i).isPresent(), "k-" + i);
        }
    }

    private static Process start(Path dir, String prefix, String batches, String size) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PackWriterProcess.class.getName(),
                dir.toString(), prefix, batches, size, Long.toString(SEGMENT))
                .redirectErrorStream(true).start();
    }

    private static String output(Process p) throws Exception {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
