package dev.promptarena.run;

import static dev.promptarena.run.IdenticalCasesHarness.PRICES;
import static dev.promptarena.run.IdenticalCasesHarness.answer;
import static dev.promptarena.run.IdenticalCasesHarness.await;
import static dev.promptarena.run.IdenticalCasesHarness.caseOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptarena.engine.Calls;
import dev.promptarena.engine.Calls.Role;
import dev.promptarena.engine.EngineSnapshot;
import dev.promptarena.engine.PriceTable;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two cases with identical prompts and identical answers send one judge request (and one A generation): one of them
 * is sent and paid, the other is served it as a cache hit. Which case asks first is up to completion order for the
 * judge (it is asked once both answers exist) and runner order for the generation. What the run records per case does
 * not depend on it: a case served a shared answer is priced as if it paid (docs/report-json.md, {@code a.costUsd}), so
 * both cases carry the answer's cost and tokens and no per-case field says which one paid; engine.json counts the
 * payment once, whoever made it. Both completion orders are forced here with latches on B's generations, which differ
 * per case (B's prompt names the case; its answer does not), and the case files and reports are compared byte for byte.
 */
class IdenticalCasesCostTest {
    private static final String VERDICT = "{\"winner\": \"%s\", \"scores\": {\"A\": {\"Clarity\": 3}, \"B\": {\"Clarity\": 4}}, \"reason\": \"r\"}";

    @TempDir Path tmp;
    private final ExecutorService replies = Executors.newCachedThreadPool();

    @AfterEach
    void close() { replies.shutdownNow(); }

    /**
     * The provider: fixed latency and usage, so the records depend on nothing but the engine and the runner. B's answer
     * for a case is held until that case's latch is released; A's is held until {@code releaseA}.
     */
    private final class HeldClient implements LlmClient {
        final Map<String, CountDownLatch> releaseB = IdenticalCasesHarness.latchPerCase();
        final CountDownLatch releaseA = new CountDownLatch(1);
        final List<LlmRequest> sent = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<LlmResponse> send(LlmRequest request) {
            sent.add(request);
            String text = request.lastUserText();
            return switch (request.model()) {
                case "model-a" -> held(releaseA, "On its way.", 11);
                case "model-b" -> held(releaseB.get(caseOf(request)), "Hi, per policy S-1 we reship.", 13);
                default -> {
                    boolean bFirst = text.indexOf("per policy S-1") < text.indexOf("On its way.");
                    yield CompletableFuture.completedFuture(answer(String.format(VERDICT, bFirst ? "A" : "B"), 17));
                }
            };
        }

        private CompletableFuture<LlmResponse> held(CountDownLatch release, String text, long latency) {
            return CompletableFuture.supplyAsync(() -> {
                await(release, "the test released the answer");
                return answer(text, latency);
            }, replies);
        }

        @Override public String identity() { return "held"; }
    }

    /** The engine's door, watched: counts the judge calls asked, and can hold the second A generation until the first answered. */
    private static final class Watched implements Calls {
        final Calls engine;
        final CountDownLatch twoJudgeCallsAsked = new CountDownLatch(2);
        final List<CompletableFuture<LlmResponse>> judgeCalls = new CopyOnWriteArrayList<>();
        final CountDownLatch secondAAsked = new CountDownLatch(1);
        final AtomicReference<CompletableFuture<LlmResponse>> firstA = new AtomicReference<>();
        volatile boolean secondAWaitsForFirst;

        Watched(Calls engine) { this.engine = engine; }

        @Override
        public CompletableFuture<LlmResponse> call(String providerKey, LlmRequest request, Role role) {
            if (role == Role.A && firstA.get() != null && secondAWaitsForFirst) firstA.get().join();
            CompletableFuture<LlmResponse> f = engine.call(providerKey, request, role);
            if (role == Role.A && !firstA.compareAndSet(null, f)) secondAAsked.countDown();
            if (role == Role.JUDGE) {
                judgeCalls.add(f);
                twoJudgeCallsAsked.countDown();
            }
            return f;
        }

        @Override public void close() { }
    }

    private record Outcome(Path dir, List<CaseRecord> records, EngineSnapshot engine, int sentToProvider, List<String> judgeRequestsSent) {}

    /**
     * Runs the two cases, B's answer of {@code judgedFirst} released first; the other's once the first case has asked
     * both its judge calls (order: both). {@code generationInFlight}: the second case's A generation is asked while the
     * first's is in flight; else after it has answered.
     */
    private Outcome run(String name, String judgedFirst, boolean generationInFlight) throws Exception {
        HeldClient provider = new HeldClient();
        Function<Calls, Watched> watch = engine -> {
            Watched calls = new Watched(engine);
            calls.secondAWaitsForFirst = !generationInFlight;
            return calls;
        };
        IdenticalCasesHarness.Ran<Watched> ran = IdenticalCasesHarness.runTwoCases(tmp, name, provider, 3, watch, calls -> {
            if (generationInFlight) await(calls.secondAAsked, "the second case asked its A generation while the first's was held");
            provider.releaseA.countDown();
            provider.releaseB.get(judgedFirst).countDown();
            await(calls.twoJudgeCallsAsked, "the case released first asked both its judge calls");
            provider.releaseB.get(IdenticalCasesHarness.otherCase(judgedFirst)).countDown();
        });
        // The case released first asked first and paid (its two calls were sent); the other's were served.
        assertEquals(List.of(false, false, true, true), ran.calls().judgeCalls.stream().map(f -> f.join().cached()).toList());
        Path out = IdenticalCasesHarness.writeFiles(tmp.resolve(name + "-files"), ran.records(), "identical cases");
        List<String> judgeTexts = provider.sent.stream().filter(r -> r.model().equals("judge-model")).map(LlmRequest::lastUserText).toList();
        return new Outcome(out, ran.records(), ran.engine(), provider.sent.size(), judgeTexts);
    }

    @Test
    void whicheverCaseAsksFirstTheCaseFilesReportsAndCountersAreTheSame() throws Exception {
        Outcome firstPays = run("c1-judged-first", "first", true);
        Outcome secondPays = run("c2-judged-first", "second", false);

        for (Outcome o : List.of(firstPays, secondPays)) {
            // A's request once (the cases share it), B's twice (they differ), the two presentations' judge requests once each.
            assertEquals(5, o.sentToProvider(), "nothing sent twice");
            assertEquals(2, o.judgeRequestsSent().size());
            assertEquals(5, o.engine().issued());
            assertEquals(3, o.engine().cacheHits(), "the second case's A generation and judge calls were served");
        }
        for (String file : List.of("cases.jsonl", "outcomes.jsonl", "cases.csv", "summary.csv", "axes.csv", "segments.csv", "report.json",
                "summary.md")) {
            assertArrayEquals(Files.readAllBytes(firstPays.dir().resolve(file)), Files.readAllBytes(secondPays.dir().resolve(file)), file);
        }
        for (Role role : Role.values()) {
            assertEquals(firstPays.engine().byRole().get(role).calls(), secondPays.engine().byRole().get(role).calls(), role + " calls");
            assertEquals(firstPays.engine().byRole().get(role).costUsd(), secondPays.engine().byRole().get(role).costUsd(), 0.0, role + " cost");
            assertEquals(firstPays.engine().byRole().get(role).inputTokens(), secondPays.engine().byRole().get(role).inputTokens(), role + " tokens");
        }
        assertEquals(firstPays.engine().costUsd(), secondPays.engine().costUsd(), 0.0);
        // Both cases carry the judge's cost, priced as if paid; the run paid it once.
        String verdict = String.format(VERDICT, "A");
        double judgeCost = 2 * new PriceTable(PRICES).cost("judge-model", new Usage(100 + verdict.length(), 20 + verdict.length()));
        for (CaseRecord r : firstPays.records()) assertEquals(judgeCost, r.judgeCostUsd(), 1e-15, r.caseId() + "'s judge cost");
        assertEquals(judgeCost, firstPays.engine().byRole().get(Role.JUDGE).costUsd(), 1e-15, "engine.json: the judge requests paid once");
    }
}
