package dev.promptarena.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.config.JudgeConfig;
import dev.promptarena.config.VariantConfig;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.engine.CallEngine;
import dev.promptarena.engine.Calls;
import dev.promptarena.engine.EngineOptions;
import dev.promptarena.engine.EngineSnapshot;
import dev.promptarena.engine.PriceTable;
import dev.promptarena.judge.JudgePanel;
import dev.promptarena.judge.JudgePrompt;
import dev.promptarena.judge.PairJudge;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Price;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.Usage;
import dev.promptarena.recorded.Recorded;
import dev.promptarena.report.ReportFixtures;
import dev.promptarena.report.ReportModel;
import dev.promptarena.report.files.Reports;
import dev.promptarena.rubric.Axis;
import dev.promptarena.rubric.Rubric;
import dev.promptarena.stats.ClusterBootstrap;
import dev.promptarena.testing.RecordingDelayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Two cases c1 and c2 with identical prompts for A and the judge; B's prompt names the case ("(first)", "(second)") so a
 * test can hold each case's B answer on its own latch and force the completion order. The cases run through a real
 * {@link CallEngine} and {@link ArenaRunner} against a fake provider; the test drives the latches while the runner works.
 */
final class IdenticalCasesHarness {
    static final Rubric RUBRIC = new Rubric("r", "", List.of(new Axis("Clarity", "c", Map.of(1, "x", 3, "y", 5, "z"), 1)), "sha");
    static final Map<String, Price> PRICES = Map.of("model-a", new Price(1.0, 2.0), "model-b", new Price(3.0, 4.0),
            "judge-model", new Price(5.0, 6.0));

    private IdenticalCasesHarness() { }

    /** What the test does on its own thread while the runner works: releases latches in the order the scenario needs. */
    interface Driver<C extends Calls> {
        void drive(C calls) throws Exception;
    }

    record Ran<C extends Calls>(List<CaseRecord> records, EngineSnapshot engine, C calls) {}

    /** One latch per case for B's answer, keyed "first" and "second" as B's prompt names the case. */
    static Map<String, CountDownLatch> latchPerCase() {
        return Map.of("first", new CountDownLatch(1), "second", new CountDownLatch(1));
    }

    /** Which case a B request is for: "first" or "second". */
    static String caseOf(LlmRequest request) {
        return request.lastUserText().contains("(first)") ? "first" : "second";
    }

    static String otherCase(String which) {
        return which.equals("first") ? "second" : "first";
    }

    /** An answer with fixed latency and usage, so the records depend on nothing but the engine and the runner. */
    static LlmResponse answer(String text, long latency) {
        return new LlmResponse(text, "served", null, new Usage(100 + text.length(), 20 + text.length()), "stop", latency, 1, false);
    }

    static void await(CountDownLatch latch, String what) {
        try {
            assertTrue(latch.await(60, TimeUnit.SECONDS), what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs both cases (judge order both, two in parallel); {@code watch} wraps the engine's door, {@code driver} releases the latches. */
    static <C extends Calls> Ran<C> runTwoCases(Path tmp, String name, LlmClient provider, int maxAttempts, Function<Calls, C> watch,
                                                 Driver<C> driver) throws Exception {
        ProviderConfig fake = new ProviderConfig("fake", "openai", "http://127.0.0.1:9/v1", "FAKE_KEY", 16, null, null, Map.of(), Map.of());
        EngineOptions options = new EngineOptions(tmp.resolve(name + "-cache"), null, null, null, new RecordingDelayer(), Clock.systemUTC());
        VariantConfig a = new VariantConfig("A", "control", "fake", "model-a", null, "{{q}}", Decoding.UNSET, List.of(), null);
        VariantConfig b = new VariantConfig("B", "candidate", "fake", "model-b", null, "{{q}} ({{who}})", Decoding.UNSET, List.of(), null);
        JudgeConfig judge = new JudgeConfig("j", "fake", "judge-model", JudgeConfig.Order.BOTH, 7, Decoding.UNSET, null, 1, true);
        List<GoldenCase> cases = List.of(
                new GoldenCase("c1", Map.of("q", "Where is my parcel?", "who", "first"), null, null, Map.of(), List.of(), 1),
                new GoldenCase("c2", Map.of("q", "Where is my parcel?", "who", "second"), null, null, Map.of(), List.of(), 2));
        List<CaseRecord> records;
        EngineSnapshot snapshot;
        C calls;
        try (CallEngine engine = new CallEngine(Map.of("fake", fake), p -> provider, maxAttempts, PRICES, tmp.resolve(name), options)) {
            calls = watch.apply(engine);
            PairJudge pairJudge = new PairJudge(judge, new JudgePrompt(RUBRIC, null), calls, new PriceTable(PRICES));
            ArenaRunner runner = new ArenaRunner(a, b, JudgePanel.of(pairJudge), calls, new PriceTable(PRICES), 2, Recorded.NONE, CheckStage.none());
            ExecutorService runnerThread = Executors.newSingleThreadExecutor();
            try {
                var running = runnerThread.submit(() -> runner.run(cases, 1, r -> { }));
                driver.drive(calls);
                records = running.get(60, TimeUnit.SECONDS);
            } finally {
                runnerThread.shutdownNow();
            }
            snapshot = engine.snapshot();
        }
        assertEquals(2, records.size());
        return new Ran<>(records, snapshot, calls);
    }

    /** Writes the run's case files and reports into {@code out}, as a run folder holds them, for byte-for-byte comparison. */
    static Path writeFiles(Path out, List<CaseRecord> records, String title) throws Exception {
        RunDirectory dir = RunDirectory.open(Files.createDirectories(out));
        dir.writeJsonLines("cases.jsonl", records);
        dir.writeJsonLines("outcomes.jsonl", records.stream().map(CaseRecord::outcome).toList());
        ReportModel model = ReportFixtures.model(records, RUBRIC.axisNames(), title, false, ClusterBootstrap.MIN_RESAMPLES);
        Reports.writeAll(dir, model);
        return out;
    }
}
