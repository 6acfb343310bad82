package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptarena.engine.Calls.Role;
import dev.promptarena.testing.FakeOpenAiServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider's requests_per_minute and tokens_per_minute, through the engine and the real client: the
 * calls a bucket cannot cover wait exactly as long as the bucket says. The clock stands still (no refill)
 * and the delayer records each wait and returns at once, so the expected waits are exact.
 */
class CallEngineRateLimitTest {
    @TempDir Path tmp;
    private final FakeOpenAiServer server = new FakeOpenAiServer();

    @AfterEach
    void stop() { server.close(); }

    private EngineFixture fixture() {
        EngineFixture fx = new EngineFixture(server, null);
        fx.clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        return fx;
    }

    @Test
    void requestsBeyondTheMinutesBudgetWaitOneIntervalMoreEach() {
        EngineFixture fx = fixture();
        fx.requestsPerMinute = 60.0; // a bucket of 60, refilled at one a second
        try (CallEngine engine = fx.engine(tmp.resolve("run"))) {
            List<CompletableFuture<?>> calls = new ArrayList<>();
            for (int i = 0; i < 70; i++) calls.add(engine.call("fake", EngineFixture.request(i), Role.A));
            calls.forEach(CompletableFuture::join);
        }
        assertEquals(70, server.requests().size());
        // The first 60 go at once; the 61st to 70th are 1 to 10 requests in debt: 1 s to 10 s.
        List<Long> waits = fx.delayer.waits().stream().map(Duration::toMillis).sorted().toList();
        assertEquals(IntStream.rangeClosed(1, 10).mapToObj(k -> k * 1000L).toList(), waits);
    }

    @Test
    void tokensAreReservedAtTheEstimateAndTheUnusedPartGivenBack() {
        EngineFixture fx = fixture();
        fx.concurrency = 1; // one call at a time: each reservation sees the previous call's refund
        fx.tokensPerMinute = 1000.0;
        try (CallEngine engine = fx.engine(tmp.resolve("run"))) {
            for (int i = 0; i < 60; i++) engine.call("fake", EngineFixture.request(i), Role.A).join();
        }
        // Each call reserves chars/4 of its prompt ("sys" + "case-N": 2) plus max_tokens 100 = 102, and the
        // fake server reports 11 + 7 = 18 used, so 84 come back: before call k the bucket holds
        // 1000 - 18 (k - 1). Call k waits once that minus 102 is negative, for the debt at 1000 a minute:
        // k = 51 is 2 tokens short (0.12 s), and each later call 18 more (1.2 s, 2.28 s, ...).
        List<Long> expected = IntStream.rangeClosed(51, 60).mapToObj(k -> Math.round((18.0 * (k - 1) - 898) / 1000 * 60_000)).toList();
        List<Long> waits = fx.delayer.waits().stream().map(d -> Math.round(d.toNanos() / 1e6)).toList();
        assertEquals(expected, waits);
    }
}
