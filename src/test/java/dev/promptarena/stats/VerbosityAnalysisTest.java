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
 * Expected values: reference/firth.R, R brglm2 {@code glm(y ~ tanh(d / sd(d)), family = binomial, weights = w,
 * method = "brglmFit", type = "AS_mean")} on the same 40 outcomes (ties as half a win plus half a loss).
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
        assertEquals(35.5172403062845, r.lengthScaleWords(), TOL);          // sd(d)
        assertEquals(0.44889643779708, r.slope(), TOL);                      // coef[2]
        assertEquals(-0.570885907097276, r.slopeInterval().lower(), TOL);    // b1 -/+ qnorm(0.975) se1
        assertEquals(1.46867878269144, r.slopeInterval().upper(), TOL);
        assertEquals(0.388272976147841, r.slopeP(), TOL);                    // 2 * pnorm(-|b1/se1|)
        assertEquals(0.600662984723205, r.lengthControlledWinRate(), TOL);   // plogis(b0)
        assertEquals(0.436377024392165, r.lengthControlledInterval().lower(), TOL);
        assertEquals(0.745040820877616, r.lengthControlledInterval().upper(), TOL);
        assertEquals(0.625, r.rawWinRate(), TOL);
        assertEquals(0.47032439137301096, r.rawInterval().lower(), TOL);     // proportion_confint(25, 40, method="wilson")
        assertNull(VerbosityAnalysis.warning(r, r.slopeP(), 0.05));          // not significant
        assertFalse(r.followsLength());
    }

    @Test
    void strongLengthEffectWarnsOnlyWhenSignificantAfterAdjustment() {
        VerbosityResult r = VerbosityAnalysis.analyze(dataset(1), 0.05);
        assertEquals(2.51304233784173, r.slope(), TOL);
        assertEquals(1.025508291209, r.slopeInterval().lower(), TOL);
        assertEquals(0.000929080062867627, r.slopeP(), TOL);
        assertEquals(0.328912228079986, r.lengthControlledWinRate(), TOL);
        assertEquals(0.165471149722843, r.lengthControlledInterval().lower(), TOL);
        assertEquals(0.547816534957119, r.lengthControlledInterval().upper(), TOL);
        assertEquals(0.475, r.rawWinRate(), TOL);
        String w = VerbosityAnalysis.warning(r, 3 * r.slopeP(), 0.05);
        assertNotNull(w);
        assertTrue(w.contains("longer"), w);
        assertNull(VerbosityAnalysis.warning(r, 0.06, 0.05)); // the family-wise p decides
    }

    @Test
    void aVerdictThatFollowsLengthIsALoudWarningEvenWhenTheSlopeCannotBeFitted() {
        List<CaseOutcome> out = new ArrayList<>();
        // B is always 80 words longer and always wins: slope not estimable (no variation), verdict follows length.
        for (int i = 0; i < 60; i++) {
            out.add(new CaseOutcome("c" + i, 0, Map.of(), Fixtures.side(100), Fixtures.side(180), List.of(Fixtures.vote(i % 2 == 0, Winner.B)), 0));
        }
        VerbosityResult r = VerbosityAnalysis.analyze(JudgedOutcome.of(out), 0.05);
        assertFalse(r.estimable());
        assertTrue(r.followsLength());
        assertEquals(60, r.longerWon());
        String w = VerbosityAnalysis.warning(r, null, 0.05);
        assertTrue(w.startsWith("VERBOSITY:") && w.contains("60 of 60"), w);
    }

    @Test
    void theLoudWarningFiresExactlyWhenTheLongerAnswersShareIsShownAtLeastNinetyPercent() {
        // 200 decisive verdicts where lengths differ: Wilson lower bounds (scipy binomtest(k, 200).proportion_ci(0.95,
        // "wilson").low) 0.89807 at 188 and 0.90421 at 189 longer answers winning; judges.py lists them.
        assertFalse(followsLength(188, 200));
        assertTrue(followsLength(189, 200));
    }

    /** {@code longer} of {@code n} verdicts go to the longer answer (B is 40 or 80 words longer, so the slope is fitted). */
    private static boolean followsLength(int longer, int n) {
        List<CaseOutcome> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Winner w = i < longer ? Winner.B : Winner.A;
            out.add(new CaseOutcome("c" + i, 0, Map.of(), Fixtures.side(100), Fixtures.side(i % 2 == 0 ? 140 : 180),
                    List.of(Fixtures.vote(i % 2 == 0, w)), 0));
        }
        VerbosityResult r = VerbosityAnalysis.analyze(JudgedOutcome.of(out), 0.05);
        assertEquals(longer, r.longerWon());
        String w = VerbosityAnalysis.warning(r, 1.0, 0.05);
        assertEquals(r.followsLength(), w != null && w.startsWith("VERBOSITY:"), "the loud warning shows exactly when it follows length");
        return r.followsLength();
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
        assertEquals("firth-wald-cluster", r.slopeInterval().method());
        assertEquals(0.44889643779708, r.slope(), 0.05); // duplicated rows shrink the Firth penalty's pull: close to, not equal to, the single-copy fit
        // Exact duplicates carry no new information, so the cluster-robust interval must stay about as wide as
        // the single-copy model-based one rather than shrinking by sqrt(2).
        VerbosityResult single = VerbosityAnalysis.analyze(dataset(0), 0.05);
        double ratio = (r.slopeInterval().upper() - r.slopeInterval().lower()) / (single.slopeInterval().upper() - single.slopeInterval().lower());
        assertTrue(ratio > 0.85, "cluster-robust width ratio " + ratio);
    }
}
