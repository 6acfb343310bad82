package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCacheTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LlmResponse answer(int i) {
        return new LlmResponse("answer " + i, "m", null, new Usage(10, i), "stop", 5, 1, false);
    }

    /** Spread over the 256 fan-out directories, as real keys are, so the writers create directories concurrently. */
    private static String key(int i) { return dev.promptarena.input.Hashing.sha256("request " + i); }

    @Test
    void finishWritesCompletesOnlyWhenEveryQueuedWriteIsOnDisk(@TempDir Path dir) {
        ResponseCache cache = new ResponseCache(dir, JSON);
        for (int i = 0; i < 2000; i++) cache.put(key(i), answer(i));

        long failed = cache.finishWrites().join();

        assertEquals(0, failed);
        ResponseCache reader = new ResponseCache(dir, JSON);
        for (int i = 0; i < 2000; i++) {
            assertEquals("answer " + i, reader.get(key(i)).orElseThrow().text(), "entry " + i);
        }
    }

    /**
     * An answer put is found at once, before the writer has appended it: the engine releases an identical call's slot
     * when the first call completes (IdenticalCalls), and the next identical call must then be a hit, not a second
     * paid call. The writer is held by a latch, so the read happens before the write, every time.
     */
    @Test
    void anAnswerIsFoundFromThePutOnNotOnlyOnceTheWriterHasAppendedIt(@TempDir Path dir) throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        CountDownLatch held = new CountDownLatch(1);
        writer.execute(() -> {
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ResponseCache cache = new ResponseCache(dir, JSON, PackStore.DEFAULT_SEGMENT_BYTES, writer);
        cache.put(key(1), answer(1));

        // Without the queued entries in memory this is a miss: the writer has not appended it.
        assertEquals("answer 1", cache.get(key(1)).orElseThrow().text());

        held.countDown();
        assertEquals(0, cache.finishWrites().join());
        assertEquals("answer 1", cache.get(key(1)).orElseThrow().text(), "from the pack once written");
        assertEquals("answer 1", new ResponseCache(dir, JSON).get(key(1)).orElseThrow().text(), "on disk for the next run");
    }

    @Test
    void failedWritesAreCountedNotThrown(@TempDir Path dir) throws Exception {
        // The cache root is a file, so no entry can be written under it.
        Path notADirectory = Files.writeString(dir.resolve("cache"), "x");
        ResponseCache cache = new ResponseCache(notADirectory, JSON);
        cache.put(key(1), answer(1));
        cache.put(key(2), answer(2));

        assertEquals(2, cache.finishWrites().join());
        assertTrue(cache.get(key(1)).isEmpty());
    }
}
