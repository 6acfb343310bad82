package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.Price;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journal, cache, budget and secrets: what the engine writes and reads back. */
class CallEngineStorageTest {
    @TempDir Path tmp;
    private final FakeOpenAiServer server = new FakeOpenAiServer();

    @AfterEach
    void stop() { server.close(); }

    private static String everythingUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) return "";
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) sb.append(p).append('\n').append(Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void theKeyNeverReachesCacheJournalOrErrors() throws IOException {
        // A hostile server echoes the key back in its error text.
        server.enqueue(Reply.error(401, "bad key " + EngineFixture.KEY), Reply.serverError());
        EngineFixture fx = new EngineFixture(server, tmp.resolve("cache"));
        Path run = tmp.resolve("run");
        List<CallEngineFaultTest.Outcome> out;
        try (var engine = fx.engine(run)) {
            out = CallEngineFaultTest.runAll(engine, 20);
            assertFalse(engine.identities().toString().contains(EngineFixture.KEY));
            assertFalse(engine.snapshot().toString().contains(EngineFixture.KEY));
        }
        assertTrue(server.requests().stream().allMatch(r -> ("Bearer " + EngineFixture.KEY).equals(r.header("Authorization"))), "key was sent");
        String written = everythingUnder(run) + everythingUnder(fx.cacheDir);
        assertTrue(written.contains("case-3"), "journal and cache were written");
        assertFalse(written.contains(EngineFixture.KEY), "key found in engine output");
        assertFalse(written.contains("SECRET123"));
        assertFalse(written.contains("X-Trace"), "headers are not journaled");
        assertTrue(out.stream().filter(o -> o.failure() != null).allMatch(o -> !o.failure().getMessage().contains("SECRET123")));
    }

    @Test
    void tornLastLineIsIgnoredAndCutBeforeAppending() throws IOException {
        EngineFixture fx = new EngineFixture(server, null);
        Path run = tmp.resolve("run");
        try (var engine = fx.engine(run)) {
            CallEngineFaultTest.runAll(engine, 5);
        }
        Path journal = run.resolve(CallEngine.JOURNAL);
        long clean = Files.size(journal);
        // killed mid-write: half a line, no newline
        Files.writeString(journal, "{\"key\":\"abc\",\"role\":\"A\",\"resp", StandardOpenOption.APPEND);
        try (var engine = fx.engine(run)) {
            assertEquals(5, engine.resumedEntries());
            assertTrue(engine.discardedTornBytes() > 0);
            assertEquals(clean, Files.size(journal), "torn tail truncated at open");
            CallEngineFaultTest.runAll(engine, 7);
            assertEquals(5, engine.snapshot().journalHits());
            assertEquals(7, server.requests().size(), "5 from the first session + 2 new");
        }
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        assertEquals(7, lines.size());
        for (String l : lines) assertTrue(json.readTree(l).has("response"), l);
    }

    @Test
    void sharedCacheServesLaterRunsAndNoCacheBypassesIt() {
        EngineFixture fx = new EngineFixture(server, tmp.resolve("cache"));
        try (var engine = fx.engine(tmp.resolve("run1"))) {
            CallEngineFaultTest.runAll(engine, 10);
        }
        try (var engine = fx.engine(tmp.resolve("run2"))) {
            List<CallEngineFaultTest.Outcome> out = CallEngineFaultTest.runAll(engine, 10);
            EngineSnapshot s = engine.snapshot();
            assertEquals(10, s.cacheHits());
            assertEquals(0, s.issued());
            assertEquals(0.0, s.costUsd());
            assertTrue(out.stream().allMatch(o -> o.response().cached()));
        }
        assertEquals(10, server.requests().size());
        EngineFixture noCache = new EngineFixture(server, null);
        try (var engine = noCache.engine(tmp.resolve("run3"))) {
            CallEngineFaultTest.runAll(engine, 10);
            assertEquals(0, engine.snapshot().cacheHits());
        }
        assertEquals(20, server.requests().size());
    }

    @Test
    void costPerRoleAndBudgetStopsNewCalls() {
        EngineFixture fx = new EngineFixture(server, null);
        // 11 in + 7 out tokens per call at $1000/M each = $0.018 per call; reserve assumes 100 out.
        fx.prices = Map.of("gpt-4o-mini", new Price(1000, 1000));
        fx.maxCost = 0.5;
        fx.concurrency = 1;
        try (var engine = fx.engine(tmp.resolve("run"))) {
            List<CallEngineFaultTest.Outcome> out = CallEngineFaultTest.runAll(engine, 60);
            EngineSnapshot s = engine.snapshot();
            assertTrue(s.budgetExhausted() && s.partial(), s.toString());
            assertTrue(s.costUsd() <= 0.5, "never over budget: " + s.costUsd());
            assertTrue(s.budgetSkipped() > 0 && s.succeeded() > 0);
            assertEquals(60, s.succeeded() + s.budgetSkipped());
            out.stream().filter(o -> o.failure() != null).forEach(o -> assertInstanceOf(BudgetExhaustedException.class, o.failure()));
            assertEquals(s.costUsd(), s.byRole().values().stream().mapToDouble(RoleUsage::costUsd).sum(), 1e-9);
            assertEquals(0.018, s.byRole().get(Calls.Role.JUDGE).costUsd() / s.byRole().get(Calls.Role.JUDGE).calls(), 1e-9);
        }
    }

    @Test
    void retryAfterHttpDateIsHonoured() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(7).atZone(ZoneOffset.UTC));
        server.enqueue(Reply.rateLimited(date), Reply.rateLimited("3"));
        EngineFixture fx = new EngineFixture(server, null);
        fx.clock = clock;
        try (var engine = fx.engine(tmp.resolve("run"))) {
            assertTrue(CallEngineFaultTest.runAll(engine, 1).get(0).response() != null);
            assertEquals(2, engine.snapshot().retries());
        }
        List<Duration> waits = fx.delayer.waits();
        assertTrue(waits.get(0).compareTo(Duration.ofSeconds(7)) >= 0, waits.toString());
        assertTrue(waits.get(1).compareTo(Duration.ofSeconds(3)) >= 0, waits.toString());
    }
}
