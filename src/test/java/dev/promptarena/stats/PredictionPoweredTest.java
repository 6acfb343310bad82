package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Expected values: src/test/resources/reference/ppi.py (ppi.out), which writes out ppi_py's
 * ppi_mean_ci / ppi_mean_pointestimate / _calc_lam_glm formulas in numpy (ppi_py itself is not installable here) for
 * θ, se and λ, and skew_ci (Hall's 1992 skewness correction, guarded by θ ± z·se; scipy.stats.norm.ppf for z) for the
 * interval. Tolerance 1e-12: the same sums in the same order, only floating-point rounding differs.
 */
class PredictionPoweredTest {
    private static final double TOL = 1e-12;

    @Test
    void tunedMatchesReferenceSingleJudgeVote() {
        // ppi n=40 N=200 pred=judge alpha=0.05 theta se lo hi lam
        check(40, 200, PpiFixtures::judge, 0.05, 0.5042823172388804, 0.050266180461741555, 0.3970586407860254, 0.6028022205842848, 0.7320579309720101);
        // ppi n=40 N=200 pred=judge alpha=0.1
        check(40, 200, PpiFixtures::judge, 0.1, 0.5042823172388804, 0.050266180461741555, 0.4153110340806026, 0.5869628264843733, 0.7320579309720101);
    }

    @Test
    void tunedMatchesReferenceVoteMeans() {
        // ppi n=25 N=500 pred=votes alpha=0.05
        check(25, 500, PpiFixtures::judgeVotes, 0.05, 0.4838685846684743, 0.08892199785776152, 0.3095846714339139, 0.6600235478536916, 0.8596854818831652);
        // ppi n=100 N=100 pred=votes alpha=0.05
        check(100, 100, PpiFixtures::judgeVotes, 0.05, 0.513658220515854, 0.04444490719013125, 0.4262539152348323, 0.6007686379047366, 0.4180823446690256);
    }

    @Test
    void fixedLambdaMatchesPlainPpiAndClassical() {
        double[] y = PpiFixtures.range(0, 40, PpiFixtures::human);
        double[] yhat = PpiFixtures.range(0, 40, PpiFixtures::judge);
        double[] u = PpiFixtures.range(40, 240, PpiFixtures::judge);
        // ppi n=40 N=200 pred=judge alpha=0.05 lam=1 theta se lo hi
        assertEstimate(PredictionPowered.mean(y, yhat, u, 1, 0.05), 0.515, 0.05432368268076089, 0.3942234433262462, 0.6214724615618736);
        // ... lam=0 theta se lo hi (the labels alone, skew-corrected like the rest)
        assertEstimate(PredictionPowered.mean(y, yhat, u, 0, 0.05), 0.475, 0.07489576089472622, 0.32820700605161324, 0.6235318034586473);
        CorrectedWinRate r = PredictionPowered.estimate(y, yhat, u, 0.05);
        assertEstimate(r.humanOnly(), 0.475, 0.07489576089472622, 0.32820700605161324, 0.6235318034586473);
        // ppi n=40 N=200 pred=judge judge-only mean std0/sqrt(n+N)
        assertEquals(0.5458333333333333, r.judgeOnly().estimate(), TOL);
        assertEquals(0.028258428355946268, r.judgeOnly().standardError(), TOL);
        // Effective labels: var0(y) / se_ppi^2 = (se_lam0^2 * 40) / se_ppi^2, from the same reference lines.
        double expected = 0.07489576089472622 * 0.07489576089472622 * 40 / (0.050266180461741555 * 0.050266180461741555);
        assertEquals(expected, r.effectiveLabels(), 1e-9);
        assertEquals(240, r.cases());
        assertEquals(40, r.labels());
    }

    @Test
    void skewCorrectionOnlyWidensThePlainInterval() {
        CorrectedWinRate r = PredictionPowered.estimate(PpiFixtures.range(0, 40, PpiFixtures::human), PpiFixtures.range(0, 40, PpiFixtures::judge),
                PpiFixtures.range(40, 240, PpiFixtures::judge), 0.05);
        double z = Normal.twoSidedCritical(0.05), plainLo = r.corrected().estimate() - z * r.corrected().standardError();
        // ppi n=40 N=200 pred=judge alpha=0.05 plain z interval lo hi: 0.405762413893476 0.6028022205842848. The
        // rectifier's errors are one-sided (skewed left), so the corrected interval reaches lower and keeps the upper bound.
        assertEquals(0.405762413893476, plainLo, TOL);
        assertTrue(r.corrected().interval().lower() < plainLo - 0.005, "widened toward the skew: " + r.corrected().interval());
        assertEquals(0.6028022205842848, r.corrected().interval().upper(), TOL);
        assertEquals(1.4, SkewCorrectedInterval.inverse(1.4, 0), 0);
        for (double g : new double[] {-0.8, -0.1, 0.3, 1.2}) {
            for (double x : new double[] {-2.5, -1, 0, 1.96}) {
                double t = SkewCorrectedInterval.inverse(x, g), a = g / 3;
                assertEquals(x, t + a * t * t + a * a * t * t * t / 3 + g / 6, 1e-12, "g(g⁻¹(x)) = x");
            }
        }
    }

    @Test
    void contrarianJudgeIsClippedToZero() {
        double[] y = PpiFixtures.range(0, 30, PpiFixtures::human);
        double[] yhat = PpiFixtures.range(0, 30, i -> 1 - PpiFixtures.human(i));
        double[] u = PpiFixtures.range(30, 120, i -> 1 - PpiFixtures.human(i));
        CorrectedWinRate r = PredictionPowered.estimate(y, yhat, u, 0.05);
        // ppi contrarian n=30 N=90 theta se lo hi lam
        assertEquals(0.0, r.lambda());
        assertEstimate(r.corrected(), 0.4666666666666667, 0.08798147953257403, 0.29422613547627363, 0.6422946786535655);
    }

    @Test
    void nothingToBorrowGivesTheLabelsAlone() {
        double[] y = {0, 1, 0.5, 1};
        CorrectedWinRate noUnlabelled = PredictionPowered.estimate(y, new double[] {0, 1, 1, 1}, new double[0], 0.05);
        assertEquals(0.0, noUnlabelled.lambda());
        assertEquals(noUnlabelled.humanOnly().estimate(), noUnlabelled.corrected().estimate(), TOL);
        CorrectedWinRate constantJudge = PredictionPowered.estimate(y, new double[] {1, 1, 1, 1}, new double[] {1, 1}, 0.05);
        assertEquals(0.0, constantJudge.lambda());
    }

    @Test
    void intervalIsClippedToTheUnitRange() {
        CorrectedWinRate r = PredictionPowered.estimate(new double[] {1, 1, 1, 0.5}, new double[] {1, 1, 1, 1}, new double[] {1, 1}, 0.05);
        assertTrue(r.corrected().interval().upper() <= 1.0);
        assertEquals(1.0, r.corrected().interval().upper());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> PredictionPowered.estimate(new double[] {1}, new double[] {1}, new double[] {0}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> PredictionPowered.estimate(new double[] {1, 0}, new double[] {1}, new double[] {0}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> PredictionPowered.estimate(new double[] {1, 2}, new double[] {1, 0}, new double[] {0}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> PredictionPowered.mean(new double[] {1, 0}, new double[] {1, 0}, new double[] {0}, 1.5, 0.05));
    }

    private static void check(int n, int bigN, IntToDoubleFunction pred, double alpha, double theta, double se, double lo, double hi, double lam) {
        double[] y = PpiFixtures.range(0, n, PpiFixtures::human);
        double[] yhat = PpiFixtures.range(0, n, pred);
        double[] u = PpiFixtures.range(n, n + bigN, pred);
        CorrectedWinRate r = PredictionPowered.estimate(y, yhat, u, alpha);
        assertEquals(lam, r.lambda(), TOL);
        assertEstimate(r.corrected(), theta, se, lo, hi);
        assertEquals(1 - alpha, r.corrected().interval().level(), 0);
    }

    static void assertEstimate(MeanEstimate e, double theta, double se, double lo, double hi) {
        assertEquals(theta, e.estimate(), TOL);
        assertEquals(se, e.standardError(), TOL);
        assertEquals(lo, e.interval().lower(), TOL);
        assertEquals(hi, e.interval().upper(), TOL);
    }
}
