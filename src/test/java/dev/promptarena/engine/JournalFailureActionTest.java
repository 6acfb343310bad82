package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Usage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine stops issuing calls when the journal's write fails, on the writer thread, before any caller hears of the
 * failure: when it stopped in the failed entry's callback instead, calls started in that gap were still sent with no
 * journal to record them (QA, eleventh session). The callbacks are held here until the test runs them, so the order
 * is fixed, not left to thread scheduling.
 */
class JournalFailureActionTest {
    @TempDir Path dir;

    @Test
    void aFailedWriteRunsTheFailureActionOnceBeforeAnyCallerHearsOfIt() throws Exception {
        List<Runnable> held = new ArrayList<>();
        Executor holding = task -> {
            synchronized (held) {
                held.add(task);
            }
        };
        AtomicInteger actions = new AtomicInteger();
        CountDownLatch acted = new CountDownLatch(1);
        JournalEntry entry = new JournalEntry("k1", "A", "p", null,
                new LlmResponse("an answer", "m", null, new Usage(10, 20), "stop", 0, 1, false), null, 0.1, 1000L);
        Journal journal = Journal.open(dir.resolve("journal.jsonl"), new ObjectMapper(), holding).withRoom(10L)
                .onFailure(() -> {
                    actions.incrementAndGet();
                    acted.countDown();
                });
        CompletableFuture<Void> first;
        try {
            first = journal.append(entry);
            assertTrue(acted.await(60, TimeUnit.SECONDS), "the failure action ran");
            assertNotNull(journal.failure());
            assertFalse(first.isDone(), "the action ran before the caller's callback");
            CompletableFuture<Void> second = journal.append(entry); // refused at once: the failure is sticky
            assertTrue(second.isCompletedExceptionally());
        } finally {
            journal.close(); // waits for the writer: the failed entry's callback is queued by then
        }
        synchronized (held) {
            held.forEach(Runnable::run);
        }
        assertTrue(first.isCompletedExceptionally());
        assertEquals(1, actions.get(), "once, for the first failure only");
    }
}
