package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected values: reference/analysis.py (scipy 1.10.1, statsmodels 0.13.5), same score formula. */
class AxisAnalysisTest {
    private static final double TOL = 1e-9;
    private static final double MC_TOL = 0.05; // bootstrap endpoints move on a 1/32 lattice

    /** Same formula as analysis.py's score(i, vote, axis, side). */
    static int score(int i, int vote, int axis, int side) {
        return 1 + (i * (axis == 0 ? 3 : 5) + vote * 2 + side * (i % 3)) % 5;
    }

    static List<CaseOutcome> outcomes() {
        List<CaseOutcome> out = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            List<Vote> votes = new ArrayList<>();
            for (int v = 0; v < 2; v++) {
                votes.add(new Vote("judge", 0, v == 0, Winner.B,
                        Map.of("accuracy", score(i, v, 0, 0), "tone", score(i, v, 1, 0)),
                        Map.of("accuracy", score(i, v, 0, 1), "tone", score(i, v, 1, 1))));
            }
            out.add(new CaseOutcome("c" + i, 0, Map.of(), Fixtures.side(10), Fixtures.side(10), votes, 0));
        }
        return out;
    }

    @Test
    void matchesScipyAndStatsmodels() {
        List<AxisResult> r = AxisAnalysis.analyze(JudgedOutcome.of(outcomes()), List.of("accuracy", "tone"), 0.05,
                new ClusterBootstrap(5, 20_000));
        AxisResult acc = r.get(0), tone = r.get(1);
        assertEquals(16, acc.cases());
        assertEquals(2.9375, acc.meanA(), TOL);
        assertEquals(2.9375, acc.meanB(), TOL);
        assertEquals(0.0, acc.meanDifference(), TOL);
        assertEquals(2.0, tone.meanA(), TOL);
        assertEquals(2.9375, tone.meanB(), TOL);
        assertEquals(0.9375, tone.meanDifference(), TOL);
        // stats.wilcoxon(d, zero_method="wilcox", correction=False, method="approx").pvalue
        assertEquals(0.9589522009207585, acc.wilcoxon().p(), TOL);
        assertEquals(0.00399151441432802, tone.wilcoxon().p(), TOL);
        assertFalse(acc.wilcoxon().exact());
        // rank-biserial from stats.rankdata(abs(d))
        assertEquals(0.01818181818181818, acc.wilcoxon().rankBiserial(), TOL);
        assertEquals(1.0, tone.wilcoxon().rankBiserial(), TOL);
        // multipletests([p_acc, p_tone], method=...)[1]
        assertEquals(0.9589522009207585, acc.pHolm(), TOL);
        assertEquals(0.00798302882865604, tone.pHolm(), TOL);
        assertEquals(0.9589522009207585, acc.pBenjaminiHochberg(), TOL);
        assertEquals(0.00798302882865604, tone.pBenjaminiHochberg(), TOL);
        assertEquals(1.0, acc.pBonferroni(), TOL);
        assertEquals(0.00798302882865604, tone.pBonferroni(), TOL);
        // stats.bootstrap((d,), np.mean, n_resamples=200000, method="BCa")
        assertEquals(-0.40625, acc.difference().interval().lower(), MC_TOL);
        assertEquals(0.46875, acc.difference().interval().upper(), MC_TOL);
        assertEquals(0.5625, tone.difference().interval().lower(), MC_TOL);
        assertEquals(1.375, tone.difference().interval().upper(), MC_TOL);
        assertEquals(Evidence.EXPLORATORY, acc.role());
    }

    @Test
    void axisWithoutScoresHasNoCases() {
        List<AxisResult> r = AxisAnalysis.analyze(JudgedOutcome.of(outcomes()), List.of("missing"), 0.05, new ClusterBootstrap(5, 2000));
        assertEquals(0, r.get(0).cases());
        assertEquals(null, r.get(0).meanDifference());
        assertEquals(1.0, r.get(0).wilcoxon().p(), 0);
    }
}
