package dev.promptarena.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.decision.Decision;
import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.decision.Outcome;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.Fixtures;
import dev.promptarena.stats.Winner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code decision.metric: length_controlled_win_rate}: the gate reads the Firth intercept's rate and interval. */
class LengthControlledMetricTest {
    @Test
    void theGateUsesTheLengthControlledWinRate() {
        // VerbosityAnalysisTest's strong-length dataset (pattern 1); R brglm2 values from reference/firth.R.
        List<CaseOutcome> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int wa = 100 + (i * 37) % 50, wb = 80 + (i * 53) % 120, k = (i * 7) % 5;
            Winner w = k == 0 ? Winner.A : k == 1 ? Winner.TIE : wb > wa ? Winner.B : Winner.A;
            out.add(new CaseOutcome("c" + i, 0, Map.of(), Fixtures.side(wa), Fixtures.side(wb), List.of(Fixtures.vote(true, w)), 0));
        }
        DecisionPolicy lc = new DecisionPolicy(DecisionPolicy.Test.SUPERIORITY, 0, 0.05, List.of(), null, null,
                DecisionPolicy.Metric.LENGTH_CONTROLLED_WIN_RATE, null);
        Decision d = ArenaAnalysis.analyze(out, List.of(), new AnalysisOptions(0.05, 1, 2000, lc)).decision();
        assertEquals(0.328912228079986, d.winRate(), 1e-7);            // plogis(b0)
        assertEquals(0.165471149722843, d.interval().lower(), 1e-7);   // plogis(b0 - z se0)
        assertEquals(0.547816534957119, d.interval().upper(), 1e-7);
        assertEquals(Outcome.INCONCLUSIVE, d.outcome());
        assertTrue(d.reasons().get(0).contains("length-controlled win rate"), d.reasons().get(0));
    }
}
