package dev.promptarena.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.decision.GuardrailSpec;
import dev.promptarena.stats.CaseOutcome;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The win-rate bootstrap run before the rest (from {@link ArenaAnalysis#SEQUENTIAL_FROM} outcomes, to hold one
 * bootstrap's per-case rows at a time) gives exactly the analysis of the path that runs it beside the rest: the
 * threshold lowered to 0 against one above the outcomes, on the same outcomes (repeats, a panel of two judges,
 * failed and unparseable calls, missing scores: OutcomeColumnsTest's), at the report's alpha and at a policy's own.
 */
class ArenaAnalysisSequentialTest {
    private static final List<String> AXES = List.of("Accuracy", "Clarity");

    @Test
    void sequentialAndParallelPathsGiveTheSameAnalysis() {
        DecisionPolicy ownAlpha = new DecisionPolicy(DecisionPolicy.Test.SUPERIORITY, 0, 0.1,
                List.of(new GuardrailSpec("error_rate_max", 0.05), new GuardrailSpec("axis_drop_max", 0.5)));
        for (DecisionPolicy policy : List.of(DecisionPolicy.defaults(), ownAlpha)) {
            for (long seed = 1; seed <= 2; seed++) {
                List<CaseOutcome> outcomes = OutcomeColumnsTest.outcomes(new Random(seed), 400);
                AnalysisOptions options = new AnalysisOptions(0.05, seed, 2000, policy);
                AnalysisResult beside = ArenaAnalysis.analyze(outcomes, AXES, options, List.of(), null, Integer.MAX_VALUE);
                AnalysisResult before = ArenaAnalysis.analyze(outcomes, AXES, options, List.of(), null, 0);
                assertTrue(beside.winRate().bootstrap() != null && !beside.axes().isEmpty(), "bootstraps ran");
                // Records compare arrays by identity: the panel's agreement table by content, the rest as text.
                assertArrayEquals(beside.judgePanel().agreement().table(), before.judgePanel().agreement().table());
                assertEquals(withoutArrays(beside), withoutArrays(before), "policy alpha " + policy.alpha() + ", seed " + seed);
                assertEquals(withoutArrays(ArenaAnalysis.analyze(outcomes, AXES, options)), withoutArrays(before),
                        "below SEQUENTIAL_FROM the public entry point takes the parallel path: the same numbers");
            }
        }
    }

    private static String withoutArrays(AnalysisResult r) {
        return r.toString().replaceAll("\\[+[A-Z]@[0-9a-f]+", "array");
    }
}
