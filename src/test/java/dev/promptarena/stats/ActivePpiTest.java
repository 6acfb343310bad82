package dev.promptarena.stats;

import static dev.promptarena.stats.PredictionPoweredTest.assertEstimate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Expected values: src/test/resources/reference/ppi.py (ppi.out), active_mean_ci: the inverse-probability-weighted
 * PPI++ mean of Zrnic &amp; Candès (2024) with the K·π control term in numpy (least squares by numpy.linalg.solve),
 * interval from skew_ci (Hall 1992, guarded by statsmodels' _zconfint_generic). Tolerance 1e-12.
 */
class ActivePpiTest {
    private static final double TOL = 1e-12;

    private record Data(double[] f, double[] y, double[] pi, boolean[] labelled) {}

    /** ppi.py: pi_i = 0.05 + 0.25 * ((i * 17) % 7) / 6, labelled when ((i*53+17) % 1000)/1000 < pi_i. */
    private static Data data(int n) {
        Data d = new Data(new double[n], new double[n], new double[n], new boolean[n]);
        for (int i = 0; i < n; i++) {
            d.f[i] = PpiFixtures.judge(i);
            d.y[i] = PpiFixtures.human(i);
            d.pi[i] = 0.05 + 0.25 * ((i * 17) % 7) / 6.0;
            d.labelled[i] = ((i * 53 + 17) % 1000) / 1000.0 < d.pi[i];
        }
        return d;
    }

    @Test
    void tunedMatchesReference() {
        Data d = data(300);
        CorrectedWinRate r = ActivePpi.estimate(d.f, d.y, d.pi, d.labelled, 0.05);
        assertEquals(53, r.labels()); // active N=300 labelled
        // active N=300 alpha=0.05 theta se lo hi lam
        assertEquals(0.9331570299288028, r.lambda(), TOL);
        assertEstimate(r.corrected(), 0.5100989719579003, 0.043447331469783704, 0.4119030792383322, 0.59525417686305);
        // active N=300 alpha=0.05 lam=0 (Horvitz-Thompson on the labels alone)
        assertEstimate(r.humanOnly(), 0.5030511107928786, 0.08832496557628754, 0.3299373593276149, 0.7306795148998297);
        // active N=300 alpha=0.1 theta se lo hi lam
        CorrectedWinRate r10 = ActivePpi.estimate(d.f, d.y, d.pi, d.labelled, 0.1);
        assertEstimate(r10.corrected(), 0.5100989719579003, 0.043447331469783704, 0.4293655691824937, 0.5815634727073369);
        Data big = data(800);
        // active N=800 alpha=0.05 theta se lo hi lam
        CorrectedWinRate r800 = ActivePpi.estimate(big.f, big.y, big.pi, big.labelled, 0.05);
        assertEquals(141, r800.labels());
        assertEquals(0.962433952327821, r800.lambda(), TOL);
        assertEstimate(r800.corrected(), 0.5203557601466419, 0.024656682526295874, 0.4681838057622618, 0.5686819698764198);
    }

    @Test
    void fixedLambdaMatchesReference() {
        Data d = data(300);
        // active N=300 alpha=0.05 lam=1 theta se lo hi
        assertEstimate(ActivePpi.mean(d.f, d.y, d.pi, d.labelled, 1, 0.05), 0.5106038172924048, 0.0437951303436107, 0.4097615474530492, 0.596440695464119);
        Data big = data(800);
        // active N=800 alpha=0.05 lam=0
        assertEstimate(ActivePpi.mean(big.f, big.y, big.pi, big.labelled, 0, 0.05), 0.5273710457159428, 0.057161925250729294, 0.4153357309375427, 0.6596276173761424);
    }

    /** ppi.py "exactly n drawn": π_i = 0.05 + 0.2·((17 i) mod 7)/6 scaled to sum to 30; the 30 smallest ((71 i + 3) mod 200)/200/π_i labelled. */
    @Test
    void exactlyNDrawnMatchesReferenceAndTheCountTermCancels() {
        int n = 200;
        Data d = new Data(new double[n], new double[n], new double[n], new boolean[n]);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            d.f[i] = PpiFixtures.judge(i);
            d.y[i] = PpiFixtures.human(i);
            d.pi[i] = 0.05 + 0.2 * ((i * 17) % 7) / 6.0;
            sum += d.pi[i];
        }
        for (int i = 0; i < n; i++) d.pi[i] = d.pi[i] * 30 / sum;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> ((i * 71 + 3) % 200) / 200.0 / d.pi[i]));
        for (int k = 0; k < 30; k++) d.labelled[order[k]] = true;
        CorrectedWinRate r = ActivePpi.estimate(d.f, d.y, d.pi, d.labelled, 0.05);
        // exact N=200 n=30 alpha=0.05 theta se lo hi lam / lam=0 theta se lo hi
        assertEquals(0.617622525146581, r.lambda(), 1e-10);
        assertEstimate(r.corrected(), 0.42089492332385103, 0.06219302258373265, 0.2704463388692905, 0.5427910076776532);
        assertEstimate(r.humanOnly(), 0.39523468753468755, 0.08126872156833566, 0.23595092019113617, 0.5675440549486661);
        // With exactly Σπ labels the K terms cancel: the human-only estimate is the plain Horvitz–Thompson mean
        // (exact N=200 n=30 lam=0 horvitz-thompson mean(Y xi / pi)).
        assertEquals(0.3952346875346876, r.humanOnly().estimate(), TOL);
    }

    @Test
    void unlabelledCasesMayCarryNoLabel() {
        Data d = data(300);
        double[] y = d.y.clone();
        for (int i = 0; i < y.length; i++) if (!d.labelled[i]) y[i] = Double.NaN;
        assertEquals(ActivePpi.estimate(d.f, d.y, d.pi, d.labelled, 0.05).corrected().estimate(),
                ActivePpi.estimate(d.f, y, d.pi, d.labelled, 0.05).corrected().estimate(), 0);
    }

    @Test
    void rejectsBadInput() {
        double[] f = {0, 1, 0.5};
        assertThrows(IllegalArgumentException.class, () -> ActivePpi.estimate(f, f, new double[] {0.5, 0, 0.5}, new boolean[] {true, true, true}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> ActivePpi.estimate(f, f, new double[] {0.5, 0.5, 0.5}, new boolean[] {true, false, false}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> ActivePpi.estimate(f, f, new double[] {0.5, 0.5}, new boolean[] {true, true, true}, 0.05));
    }
}
