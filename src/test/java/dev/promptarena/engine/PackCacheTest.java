package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.input.Hashing;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Usage;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The response cache's pack within one process: threads, a torn tail, damage, the old layout. */
class PackCacheTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LlmResponse answer(int i) {
        return new LlmResponse("answer " + i, "m", null, new Usage(10, i), "stop", 5, 1, false);
    }

    private static String key(int i) { return Hashing.sha256("request " + i); }

    private static Path segment(Path dir, int n) { return dir.resolve("v1/pack").resolve(String.format("pack-%06d.seg", n)); }

    @Test
    void manyThreadsPuttingAndGettingNeverSeeAWrongAnswerAndAllLand(@TempDir Path dir) throws Exception {
        ResponseCache cache = new ResponseCache(dir, JSON);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> wrong = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            wrong.add(pool.submit(() -> {
                int bad = 0;
                for (int i = thread * 250; i < (thread + 1) * 250; i++) {
                    cache.put(key(i), answer(i));
                    // Another thread's entry, queued or on disk: a miss or exactly its answer, never another.
                    int other = (i + 997) % 2000;
                    Optional<LlmResponse> seen = cache.get(key(other));
                    if (seen.isPresent() && !seen.get().text().equals("answer " + other)) bad++;
                }
                return bad;
            }));
        }
        for (Future<Integer> f : wrong) assertEquals(0, f.get());
        pool.shutdown();
        assertEquals(0, cache.finishWrites().join());
        try (ResponseCache reader = new ResponseCache(dir, JSON)) {
            for (int i = 0; i < 2000; i++) {
                assertEquals(answer(i), reader.get(key(i)).orElseThrow(), "entry " + i);
                assertEquals(answer(i), cache.get(key(i)).orElseThrow(), "entry " + i + " in the writing instance");
            }
        }
    }

    @Test
    void aTornLastRecordIsIgnoredAndCutByTheNextAppend(@TempDir Path dir) throws Exception {
        ResponseCache first = new ResponseCache(dir, JSON);
        for (int i = 0; i < 100; i++) first.put(key(i), answer(i));
        first.close();
        long intact = Files.size(segment(dir, 1));
        // What kill -9 in the middle of an append leaves: a long record without its last byte, longer than
        // the next append, which must therefore cut it rather than just write over its start.
        LlmResponse longAnswer = new LlmResponse("x".repeat(5000), "m", null, new Usage(10, 1), "stop", 5, 1, false);
        ByteBuffer record = PackRecord.encode(key(100), JSON.writeValueAsBytes(longAnswer));
        try (FileChannel ch = FileChannel.open(segment(dir, 1), StandardOpenOption.APPEND)) {
            ch.write(record.limit(record.limit() - 1));
        }

        ResponseCache second = new ResponseCache(dir, JSON);
        for (int i = 0; i < 100; i++) assertEquals(answer(i), second.get(key(i)).orElseThrow(), "entry " + i);
        assertTrue(second.get(key(100)).isEmpty());
        second.put(key(100), answer(100));
        second.close();

        long recordSize = PackRecord.encode(key(100), JSON.writeValueAsBytes(answer(100))).remaining();
        assertEquals(intact + recordSize, Files.size(segment(dir, 1)), "the torn bytes were cut, not built on");
        try (ResponseCache third = new ResponseCache(dir, JSON)) {
            for (int i = 0; i <= 100; i++) assertEquals(answer(i), third.get(key(i)).orElseThrow(), "entry " + i);
        }
    }

    @Test
    void answersLongerThanOneReadComeBackWhole(@TempDir Path dir) {
        LlmResponse longAnswer = new LlmResponse("y".repeat(100_000), "m", null, new Usage(10, 1), "stop", 5, 1, false);
        try (ResponseCache cache = new ResponseCache(dir, JSON)) {
            cache.put(key(1), longAnswer);
            cache.put(key(2), answer(2));
        }
        try (ResponseCache cache = new ResponseCache(dir, JSON)) {
            assertEquals(longAnswer, cache.get(key(1)).orElseThrow());
            assertEquals(answer(2), cache.get(key(2)).orElseThrow());
        }
    }

    @Test
    void aDamagedRecordIsAMissNeverAWrongAnswer(@TempDir Path dir) throws Exception {
        try (ResponseCache cache = new ResponseCache(dir, JSON)) {
            cache.put(key(1), answer(1));
        }
        byte[] bytes = Files.readAllBytes(segment(dir, 1));
        bytes[bytes.length - 3] ^= 0x20; // one flipped bit inside the stored answer
        Files.write(segment(dir, 1), bytes);
        try (ResponseCache cache = new ResponseCache(dir, JSON)) {
            assertTrue(cache.get(key(1)).isEmpty());
        }
    }

    @Test
    void anotherInstanceAppendsAreFoundOnAMissAndSegmentsRotate(@TempDir Path dir) throws Exception {
        ResponseCache reader = new ResponseCache(dir, JSON, 4096);
        assertTrue(reader.get(key(0)).isEmpty()); // index built while the pack is empty
        ResponseCache writerA = new ResponseCache(dir, JSON, 4096);
        ResponseCache writerB = new ResponseCache(dir, JSON, 4096);
        for (int i = 0; i < 300; i++) (i % 2 == 0 ? writerA : writerB).put(key(i), answer(i));
        assertEquals(0, writerA.finishWrites().join());
        assertEquals(0, writerB.finishWrites().join());

        for (int i = 0; i < 300; i++) assertEquals(answer(i), reader.get(key(i)).orElseThrow(), "entry " + i);
        reader.close();
        // Each batch of an instance goes whole into one segment, so how many segments depends on the batching; two at least.
        assertTrue(Files.exists(segment(dir, 2)), "4 KB segments rotated");
    }

    @Test
    void theOneFilePerResponseLayoutIsStillRead(@TempDir Path dir) throws Exception {
        ResponseCache cache = new ResponseCache(dir, JSON);
        Path old = cache.legacyFile(key(7));
        assertEquals(dir.resolve("v1").resolve(key(7).substring(0, 2)).resolve(key(7) + ".json"), old);
        Files.createDirectories(old.getParent());
        Files.write(old, JSON.writeValueAsBytes(answer(7)));

        assertEquals(answer(7), cache.get(key(7)).orElseThrow());
        assertTrue(cache.get(key(8)).isEmpty());
        cache.put(key(8), answer(8));
        cache.close();
        try (ResponseCache again = new ResponseCache(dir, JSON); Stream<Path> legacyDir = Files.list(old.getParent())) {
            assertEquals(answer(7), again.get(key(7)).orElseThrow());
            assertEquals(answer(8), again.get(key(8)).orElseThrow());
            assertEquals(List.of(old), legacyDir.toList(), "new entries go to the pack, not the old layout");
        }
    }
}
