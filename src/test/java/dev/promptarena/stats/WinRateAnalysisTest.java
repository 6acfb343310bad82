package dev.promptarena.stats;

import static dev.promptarena.stats.Fixtures.failed;
import static dev.promptarena.stats.Fixtures.outcome;
import static dev.promptarena.stats.Fixtures.side;
import static dev.promptarena.stats.Fixtures.vote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WinRateAnalysisTest {
    private static final double TOL = 1e-9;
    private static final double TIE_AWARE_LO = 0.5080710460668343, TIE_AWARE_HI = 0.9443429821066259;

    @Test
    void backgroundDocExampleWithExcludedOutcomes() {
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) outcomes.add(outcome("w" + i, vote(true, Winner.B), vote(false, Winner.B)));
        outcomes.add(outcome("t", vote(true, Winner.TIE), vote(false, Winner.TIE)));
        outcomes.add(outcome("u", vote(true, Winner.UNPARSEABLE)));
        outcomes.add(outcome("e", Map.of(), side(5), failed(), vote(true, Winner.A)));
        WinRateResult r = WinRateAnalysis.analyze(JudgedOutcome.of(outcomes), 0.05, new ClusterBootstrap(1, 2000));
        assertEquals(7, r.outcomes());
        assertEquals(5, r.scored());
        assertEquals(1, r.unparseable());
        assertEquals(1, r.errors());
        assertEquals(0.90, r.winRate(), TOL);          // (4 + 0.5) / 5, the background doc's example
        assertEquals(0.80, r.strictWinRate(), TOL);
        assertEquals(1.00, r.decisiveWinRate(), TOL);
        // proportion_confint(4.5, 5, alpha=0.05, method="wilson")
        assertEquals(0.4629439825324767, r.wilson().lower(), TOL);
        assertEquals(0.9894700456409834, r.wilson().upper(), TOL);
        assertEquals(0.125, r.signTestP(), TOL);       // stats.binomtest(4, 4, 0.5).pvalue
        // One outcome per case: the tie-aware score interval decides. Both orders per case: nothing to adjust.
        // validity.py: tieaware [(4, 1, 0)] 0.05 est lo hi
        assertEquals(r.tieAware(), r.gateInterval());
        assertEquals(0.9, r.estimate(), TOL);
        assertEquals(TIE_AWARE_LO, r.gateInterval().lower(), TOL);
        assertEquals(TIE_AWARE_HI, r.gateInterval().upper(), TOL);
        assertEquals(false, r.positionAdjusted());
    }

    @Test
    void repeatsMakeTheGateUseTheClusterBootstrap() {
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (int c = 0; c < 30; c++) {
            for (int rep = 0; rep < 3; rep++) {
                Winner w = (c + rep) % 3 == 0 ? Winner.A : Winner.B;
                outcomes.add(new CaseOutcome("c" + c, rep, Map.of(), side(10), side(10), List.of(vote(true, w)), 0));
            }
        }
        WinRateResult r = WinRateAnalysis.analyze(JudgedOutcome.of(outcomes), 0.05, new ClusterBootstrap(3, 2000));
        assertEquals(30, r.cases());
        assertEquals(90, r.scored());
        assertEquals(r.bootstrap().interval(), r.gateInterval());
    }

    @Test
    void withRepeatsTheGateIsTheBootstrapOfThePositionAdjustedEstimate() {
        // An always-first judge, and B shown first in 2 of every 3 repeats (as when unparseable votes unbalance a run):
        // the raw win rate is 2/3, the position-adjusted estimate 1/2, and the gate's interval must be about the latter.
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            for (int rep = 0; rep < 3; rep++) {
                boolean bFirst = (c + rep) % 3 != 0;
                outcomes.add(new CaseOutcome("c" + c, rep, Map.of(), side(10), side(10), List.of(vote(bFirst, bFirst ? Winner.B : Winner.A)), 0));
            }
        }
        WinRateResult r = WinRateAnalysis.analyze(JudgedOutcome.of(outcomes), 0.05, new ClusterBootstrap(3, 2000));
        assertEquals(2 / 3.0, r.winRate(), TOL);
        assertEquals(0.5, r.estimate(), 0);
        assertEquals(0.5, r.bootstrap().estimate(), 0);
        assertEquals(r.bootstrap().interval(), r.gateInterval());
        // Every resample that drew both orders is exactly 0.5 (with 40 cases, all of them): the interval is the point.
        assertEquals(0.5, r.gateInterval().lower(), 0);
        assertEquals(0.5, r.gateInterval().upper(), 0);
    }

    @Test
    void nothingScoredGivesNulls() {
        WinRateResult r = WinRateAnalysis.analyze(JudgedOutcome.of(List.of(outcome("u", vote(true, Winner.UNPARSEABLE)))), 0.05, null);
        assertNull(r.winRate());
        assertNull(r.gateInterval());
        assertEquals(1.0, r.signTestP(), 0);
    }
}
