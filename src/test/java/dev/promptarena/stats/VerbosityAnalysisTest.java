package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected values: reference/analysis.py, {@code sm.GLM(y, X, family=Binomial(), freq_weights=w).fit(tol=1e-14)}
 * on the same 40 outcomes (ties as half a win plus half a loss).
 */
class VerbosityAnalysisTest {
    private static final double TOL = 1e-6;

    /** Same formulas as analysis.py's verbosity datasets. */
    static List<JudgedOutcome> dataset(int pattern) {
        List<CaseOutcome> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int wa = 100 + (i * 37) % 50, wb = 80 + (i * 53) % 120, k = (i * 7) % 5;
            Winner w = pattern == 0
                    ? (k <= 1 ? Winner.B : k == 2 ? Winner.A : k == 3 ? Winner.TIE : wb > wa ? Winner.B : Winner.A)
                    : (k == 0 ? Winner.A : k == 1 ? Winner.TIE : wb > wa ? Winner.B : Winner.A);
            out.add(new CaseOutcome("c" + i, 0, Map.of(), Fixtures.side(wa), Fixtures.side(wb), List.of(Fixtures.vote(true, w)), 0));
        }
        return JudgedOutcome.of(out);
    }

    @Test
    void weakLengthEffect() {
        VerbosityResult r = VerbosityAnalysis.analyze(dataset(0), 0.05);
        assertTrue(r.estimable());
        assertFalse(r.clusterRobust()); // one outcome per case: model-based standard errors
        assertEquals(40, r.n());
        assertEquals(0.8275496868891156, r.slopePer100Words(), TOL);         // params[1]
        assertEquals(-1.0432558827120095, r.slopeInterval().lower(), TOL);    // conf_int(alpha=0.05)[1]
        assertEquals(2.698355256490241, r.slopeInterval().upper(), TOL);
        assertEquals(0.38594811535295404, r.slopeP(), TOL);                   // pvalues[1]
        assertEquals(0.6015205023143974, r.lengthControlledWinRate(), TOL);   // expit(params[0])
        assertEquals(0.4342134672311914, r.lengthControlledInterval().lower(), TOL);
        assertEquals(0.7480595293049347, r.lengthControlledInterval().upper(), TOL);
        assertEquals(0.625, r.rawWinRate(), TOL);
        assertEquals(0.47032439137301096, r.rawInterval().lower(), TOL);     // proportion_confint(25, 40, method="wilson")
        assertNull(r.warning());                                             // |0.625 - 0.602| < 0.05, intervals overlap
    }

    @Test
    void strongLengthEffectWarns() {
        VerbosityResult r = VerbosityAnalysis.analyze(dataset(1), 0.05);
        assertEquals(4.513264688077544, r.slopePer100Words(), TOL);
        assertEquals(1.4202558875225004, (r.slopeInterval().upper() - r.slopePer100Words()) / 1.959963984540054, TOL); // bse[1]
        assertEquals(0.0014840589629059582, r.slopeP(), TOL);
        assertEquals(0.3266041015138604, r.lengthControlledWinRate(), TOL);
        assertEquals(0.17043276226101287, r.lengthControlledInterval().lower(), TOL);
        assertEquals(0.5337968735683855, r.lengthControlledInterval().upper(), TOL);
        assertEquals(0.475, r.rawWinRate(), TOL);
        assertNotNull(r.warning());                                          // 0.475 vs 0.327 differ by > 0.05
        assertTrue(r.warning().contains("longer"), r.warning());
    }

    @Test
    void equalLengthsAreNotEstimable() {
        List<CaseOutcome> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) out.add(Fixtures.outcome("c" + i, Fixtures.vote(true, i % 2 == 0 ? Winner.A : Winner.B)));
        VerbosityResult r = VerbosityAnalysis.analyze(JudgedOutcome.of(out), 0.05);
        assertFalse(r.estimable());
        assertNotNull(r.note());
        assertEquals(0.5, r.rawWinRate(), TOL);
    }

    @Test
    void repeatsSwitchToClusterRobustErrors() {
        // Two repeats of every case of dataset 0: same point estimates, case-clustered standard errors.
        List<JudgedOutcome> doubled = new ArrayList<>();
        for (JudgedOutcome j : dataset(0)) {
            doubled.add(j);
            CaseOutcome o = j.outcome();
            doubled.add(new JudgedOutcome(new CaseOutcome(o.caseId(), 1, o.tags(), o.a(), o.b(), o.votes(), 0), j.verdict()));
        }
        VerbosityResult r = VerbosityAnalysis.analyze(doubled, 0.05);
        assertTrue(r.clusterRobust());
        assertEquals("wald-cluster", r.slopeInterval().method());
        assertEquals(0.8275496868891156, r.slopePer100Words(), TOL); // duplicating rows leaves the MLE unchanged
        // Exact duplicates carry no new information, so the cluster-robust interval must stay about as wide as
        // the single-copy model-based one rather than shrinking by sqrt(2).
        VerbosityResult single = VerbosityAnalysis.analyze(dataset(0), 0.05);
        double ratio = (r.slopeInterval().upper() - r.slopeInterval().lower()) / (single.slopeInterval().upper() - single.slopeInterval().lower());
        assertTrue(ratio > 0.85, "cluster-robust width ratio " + ratio);
    }
}
