package dev.promptarena.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.decision.GuardrailSpec;
import dev.promptarena.decision.Outcome;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.Evidence;
import dev.promptarena.stats.Fixtures;
import dev.promptarena.stats.Vote;
import dev.promptarena.stats.Winner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** End-to-end: the entry point wires the parts together, is deterministic and serializes to JSON. */
class ArenaAnalysisTest {
    private static final AnalysisOptions OPTIONS = new AnalysisOptions(0.05, 11, 2000,
            new DecisionPolicy(DecisionPolicy.Test.SUPERIORITY, 0, 0.05,
                    List.of(new GuardrailSpec("error_rate_max", 0.05), new GuardrailSpec("axis_drop_max", 0.5))));

    /** 60 cases judged in both orders: B wins 40, A wins 10, 10 inconsistent; two segments. */
    static List<CaseOutcome> run() {
        List<CaseOutcome> out = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Winner first = i < 40 ? Winner.B : i < 50 ? Winner.A : Winner.B;
            Winner second = i < 40 ? Winner.B : i < 50 ? Winner.A : Winner.A;
            Map<String, Integer> a = Map.of("accuracy", 3), b = Map.of("accuracy", i < 40 ? 4 : 3);
            out.add(new CaseOutcome("c" + i, 0, Map.of("lang", i % 2 == 0 ? "en" : "de"), Fixtures.side(40 + i % 7),
                    Fixtures.side(45 + i % 5), List.of(new Vote("j", 0, true, first, a, b), new Vote("j", 0, false, second, a, b)), 0.01));
        }
        return out;
    }

    @Test
    void analysesAndDecides() {
        AnalysisResult r = ArenaAnalysis.analyze(run(), List.of("accuracy"), OPTIONS);
        assertEquals(60, r.winRate().scored());
        assertEquals(10, r.winRate().inconsistent());
        assertEquals((40 + 5) / 60.0, r.winRate().winRate(), 1e-12);
        assertEquals(Outcome.PASS, r.decision().outcome()); // Wilson lower bound for 45/60 is 0.627
        assertEquals(2, r.decision().guardrails().size());
        assertEquals(Evidence.PRIMARY, r.winRate().role());
        assertEquals(Evidence.EXPLORATORY, r.axes().get(0).role());
        assertEquals(2.0 / 3.0, r.axes().get(0).meanDifference(), 1e-12);
        assertEquals("both", r.orderBias().design());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("inconsistent") || w.contains("different winners")), String.valueOf(r.warnings()));
    }

    @Test
    void deterministicAndJsonSerializable() throws Exception {
        AnalysisResult first = ArenaAnalysis.analyze(run(), List.of("accuracy"), OPTIONS);
        AnalysisResult second = ArenaAnalysis.analyze(run(), List.of("accuracy"), OPTIONS);
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(first);
        assertEquals(json, mapper.writeValueAsString(second));
        JsonNode tree = mapper.readTree(json);
        assertEquals("PASS", tree.path("decision").path("outcome").asText());
        assertEquals("PRIMARY", tree.path("winRate").path("role").asText());
        assertTrue(tree.path("winRate").path("bootstrap").path("interval").has("lower"), json);
    }

    @Test
    void manyGenerationErrorsAreARunError() {
        List<CaseOutcome> out = new ArrayList<>(run());
        for (int i = 0; i < 10; i++) {
            out.add(new CaseOutcome("e" + i, 0, Map.of("lang", "en"), Fixtures.side(10), Fixtures.failed(), List.of(), 0));
        }
        AnalysisResult r = ArenaAnalysis.analyze(out, List.of("accuracy"), OPTIONS);
        assertEquals(Outcome.RUN_ERROR, r.decision().outcome());
        assertEquals(10, r.winRate().errors());
    }

    @Test
    void emptyRunIsInconclusiveWithoutCrashing() throws Exception {
        AnalysisResult r = ArenaAnalysis.analyze(List.of(), List.of("accuracy"), OPTIONS);
        assertEquals(Outcome.INCONCLUSIVE, r.decision().outcome());
        assertEquals(0, r.winRate().scored());
        assertEquals("none", r.orderBias().design());
        assertTrue(new ObjectMapper().writeValueAsString(r).contains("INCONCLUSIVE"));
    }
}
