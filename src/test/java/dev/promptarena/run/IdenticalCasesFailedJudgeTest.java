package dev.promptarena.run;

import static dev.promptarena.run.IdenticalCasesHarness.PRICES;
import static dev.promptarena.run.IdenticalCasesHarness.answer;
import static dev.promptarena.run.IdenticalCasesHarness.await;
import static dev.promptarena.run.IdenticalCasesHarness.caseOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.engine.Calls;
import dev.promptarena.engine.Calls.Role;
import dev.promptarena.engine.EngineSnapshot;
import dev.promptarena.engine.PriceTable;
import dev.promptarena.llm.BilledUsage;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two cases with identical prompts and identical answers send one judge request per presentation, and the provider fails
 * each judge request's first three attempts (billed without an answer: a 200 with usage and no choices), as many as a call
 * may make, then answers. Before, the case that asked first had its judge calls FAILED and the other, sent again once they
 * had failed, was judged: which case was which depended on completion order. Now both cases get the one failure, under its
 * reason, each priced as if it paid, and the request is sent and billed once. Both completion orders are forced with latches
 * on B's generations (B's prompt names the case, its answer does not), and the case files are compared byte for byte.
 */
class IdenticalCasesFailedJudgeTest {
    private static final String VERDICT = "{\"winner\": \"B\", \"scores\": {\"A\": {\"Clarity\": 3}, \"B\": {\"Clarity\": 4}}, \"reason\": \"r\"}";
    private static final int MAX_ATTEMPTS = 3;
    private static final Usage BILLED_PER_FAILED_ATTEMPT = new Usage(40, 3);

    @TempDir Path tmp;
    private final ExecutorService replies = Executors.newCachedThreadPool();

    @AfterEach
    void close() { replies.shutdownNow(); }

    /** The provider: B's answer for a case is held until that case's latch is released; a judge request fails its first attempts. */
    private final class FlakyJudgeClient implements LlmClient {
        final Map<String, CountDownLatch> releaseB = IdenticalCasesHarness.latchPerCase();
        final Map<String, AtomicInteger> judgeAttempts = new ConcurrentHashMap<>();
        final List<LlmRequest> sent = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<LlmResponse> send(LlmRequest request) {
            sent.add(request);
            String text = request.lastUserText();
            return switch (request.model()) {
                case "model-a" -> CompletableFuture.completedFuture(answer("On its way.", 11));
                case "model-b" -> CompletableFuture.supplyAsync(() -> {
                    await(releaseB.get(caseOf(request)), "the test released B's answer");
                    return answer("Hi, per policy S-1 we reship.", 13);
                }, replies);
                default -> judgeAttempts.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet() <= MAX_ATTEMPTS
                        ? CompletableFuture.failedFuture(new ProviderException(ProviderException.Kind.TRANSIENT, 200, "no choices[0].message",
                                null, new BilledUsage(BILLED_PER_FAILED_ATTEMPT, null)))
                        : CompletableFuture.completedFuture(answer(VERDICT, 17));
            };
        }

        @Override public String identity() { return "flaky-judge"; }
    }

    /** The engine's door, watched: counts the judge calls asked. */
    private static final class Watched implements Calls {
        final Calls engine;
        final CountDownLatch twoJudgeCallsDone = new CountDownLatch(2);

        Watched(Calls engine) { this.engine = engine; }

        @Override
        public CompletableFuture<LlmResponse> call(String providerKey, LlmRequest request, Role role) {
            CompletableFuture<LlmResponse> f = engine.call(providerKey, request, role);
            if (role == Role.JUDGE) f.whenComplete((r, e) -> twoJudgeCallsDone.countDown());
            return f;
        }

        @Override public void close() { }
    }

    private record Outcome(Path dir, List<CaseRecord> records, EngineSnapshot engine, int judgeRequestsSent) {}

    /** Runs the two cases, B's answer of {@code judgedFirst} released first, the other's once the first's judge calls are done. */
    private Outcome run(String name, String judgedFirst) throws Exception {
        FlakyJudgeClient provider = new FlakyJudgeClient();
        IdenticalCasesHarness.Ran<Watched> ran = IdenticalCasesHarness.runTwoCases(tmp, name, provider, MAX_ATTEMPTS, Watched::new, calls -> {
            provider.releaseB.get(judgedFirst).countDown();
            await(calls.twoJudgeCallsDone, "the case released first had both its judge calls done");
            provider.releaseB.get(IdenticalCasesHarness.otherCase(judgedFirst)).countDown();
        });
        Path out = IdenticalCasesHarness.writeFiles(tmp.resolve(name + "-files"), ran.records(), "identical cases, failed judge");
        int judgeSent = (int) provider.sent.stream().filter(r -> r.model().equals("judge-model")).count();
        return new Outcome(out, ran.records(), ran.engine(), judgeSent);
    }

    @Test
    void whicheverCaseAsksFirstBothCasesJudgeCallsFailAndTheCaseFilesAreTheSame() throws Exception {
        Outcome c1First = run("c1-judged-first", "first");
        Outcome c2First = run("c2-judged-first", "second");
        for (String file : List.of("cases.jsonl", "outcomes.jsonl", "cases.csv", "summary.csv", "report.json", "summary.md")) {
            assertArrayEquals(Files.readAllBytes(c1First.dir().resolve(file)), Files.readAllBytes(c2First.dir().resolve(file)), file);
        }
        double failedJudgeCall = new PriceTable(PRICES).cost("judge-model", new Usage(MAX_ATTEMPTS * 40, MAX_ATTEMPTS * 3));
        for (Outcome o : List.of(c1First, c2First)) {
            assertEquals(2 * MAX_ATTEMPTS, o.judgeRequestsSent(), "each presentation's request sent once, with its retries");
            EngineSnapshot s = o.engine();
            assertEquals(Map.of("TRANSIENT 200", 4L), s.failuresByReason(), "four judge calls failed, two per case: " + s);
            assertEquals(2 + 1 + 2, s.issued(), "B twice, A once, each judge request once: " + s);
            assertEquals(2 * failedJudgeCall, s.byRole().get(Role.JUDGE).costUsd(), 1e-12, "the failed judge calls billed once: " + s);
            for (CaseRecord r : o.records()) {
                assertEquals(2, r.traces().size());
                for (var trace : r.traces()) assertTrue(trace.toString().contains("gave up after 3 attempts"), r.caseId() + ": " + trace);
                assertEquals(2 * failedJudgeCall, r.judgeCostUsd(), 1e-12, r.caseId() + " is priced as if it paid for the failed calls");
            }
        }
        assertEquals(c1First.engine().failuresByReason(), c2First.engine().failuresByReason());
        assertEquals(c1First.engine().costUsd(), c2First.engine().costUsd(), 0.0);
    }
}
