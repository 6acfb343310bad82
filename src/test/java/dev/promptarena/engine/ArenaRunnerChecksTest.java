package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.analysis.AnalysisOptions;
import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.analysis.ArenaAnalysis;
import dev.promptarena.checks.CheckRunner;
import dev.promptarena.checks.RegexCheck;
import dev.promptarena.checks.SimilarityCheck;
import dev.promptarena.config.VariantConfig;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.judge.ReferenceJudge;
import dev.promptarena.llm.Decoding;
import dev.promptarena.recorded.Recorded;
import dev.promptarena.recorded.RecordedOutput;
import dev.promptarena.recorded.RecordedResponses;
import dev.promptarena.rubric.Rubric;
import dev.promptarena.run.ArenaRunner;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.run.CheckStage;
import dev.promptarena.similarity.FakeEmbedder;
import dev.promptarena.stats.Winner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner with recorded outputs, the check stage (with a fake embedder) and the reference judge: no provider at all. */
class ArenaRunnerChecksTest {
    private static VariantConfig recorded(String slot) {
        return new VariantConfig(slot, slot, null, "recorded", null, "", Decoding.UNSET, List.of(), Path.of(slot + ".jsonl"));
    }

    private static GoldenCase golden(String id, String reference) {
        return new GoldenCase(id, Map.of("q", "question " + id), reference, null, Map.of(), List.of(), 1);
    }

    @Test
    void checksAndSimilarityAreAttachedAndDecideThePair() throws Exception {
        Rubric rubric = new Rubric("r", "", List.of(), "sha", List.of(new RegexCheck("polite", java.util.regex.Pattern.compile("(?i)please"), true),
                new SimilarityCheck("close", 0.9)));
        List<GoldenCase> cases = List.of(golden("c0", "please reship the parcel"), golden("c1", null));
        RecordedResponses a = new RecordedResponses(Path.of("a"), Map.of(
                "c0", new RecordedOutput("zzz", 0, 0, 0, 1), "c1", new RecordedOutput("please", 0, 0, 0, 2)));
        RecordedResponses b = new RecordedResponses(Path.of("b"), Map.of(
                "c0", new RecordedOutput("please reship the parcel", 0, 0, 0, 1), "c1", new RecordedOutput("please", 0, 0, 0, 2)));
        List<CaseRecord> records;
        try (Calls none = new DirectCalls(Map.of());
             CheckStage checks = new CheckStage(new CheckRunner(rubric.checks(), new FakeEmbedder()), 2)) {
            ArenaRunner runner = new ArenaRunner(recorded("A"), recorded("B"), new ReferenceJudge(0), none, CostModel.FREE, 4,
                    new Recorded(a, b), checks);
            records = runner.run(cases, 1, r -> { });
        }
        CaseRecord c0 = records.get(0);
        assertEquals(Map.of("polite", false, "close", false), c0.a().checks());
        assertEquals(Map.of("polite", true, "close", true), c0.b().checks());
        assertEquals(1.0, c0.b().similarity(), 1e-9);
        assertNotNull(c0.a().similarity());
        assertEquals(Winner.B, c0.traces().get(0).winner());
        assertTrue(c0.checksA().get(1).detail().startsWith("cosine"), c0.checksA().toString());

        CaseRecord c1 = records.get(1);
        assertNull(c1.a().similarity(), "no reference: similarity not computed");
        assertEquals(Map.of("polite", true), c1.b().checks(), "the skipped similarity check is absent, not failed");
        assertEquals(Winner.TIE, c1.traces().get(0).winner());

        AnalysisResult analysis = ArenaAnalysis.analyze(records.stream().map(CaseRecord::outcome).toList(), List.of(),
                AnalysisOptions.of(DecisionPolicy.defaults(), 1));
        assertEquals(List.of("polite", "close"), analysis.checks().stream().map(s -> s.name()).toList());
        assertEquals(1, analysis.similarity().cases());
        assertEquals("not-applicable", analysis.orderBias().design());
        assertNull(analysis.orderBias().warning());
    }

    @Test
    void aFailingEmbedderFailsEveryCheckOnBothSidesInsteadOfTheRun() {
        Rubric rubric = new Rubric("r", "", List.of(), "sha", List.of(new SimilarityCheck("close", 0.5)));
        dev.promptarena.similarity.Embedder broken = new dev.promptarena.similarity.Embedder() {
            @Override public String modelId() { return "broken"; }
            @Override public List<float[]> embedAll(List<String> texts) { throw new IllegalStateException("model file corrupt"); }
        };
        dev.promptarena.stats.Side side = new dev.promptarena.stats.Side("text", 0, 0, 0, false, null, false);
        try (CheckStage stage = new CheckStage(new CheckRunner(rubric.checks(), broken), 1)) {
            CheckStage.Checked c = stage.evaluate("reference", side, side).join();
            assertEquals(Map.of("close", false), c.a().checks());
            assertEquals(Map.of("close", false), c.b().checks());
            assertTrue(c.detailsB().get(0).detail().contains("model file corrupt"), c.detailsB().toString());
        }
    }
}
