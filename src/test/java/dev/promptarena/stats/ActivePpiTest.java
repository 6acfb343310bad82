package dev.promptarena.stats;

import static dev.promptarena.stats.PredictionPoweredTest.assertEstimate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Expected values: src/test/resources/reference/ppi.py (ppi.out), active_mean_ci: the inverse-probability-weighted
 * PPI++ mean of Zrnic &amp; Candès (2024) in numpy, CI from statsmodels' _zconfint_generic. Tolerance 1e-12.
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
        assertEquals(0.9179196187343984, r.lambda(), TOL);
        assertEstimate(r.corrected(), 0.5098642790314142, 0.04348895622510112, 0.424627491104977, 0.5951010669578514);
        // active N=300 alpha=0.05 lam=0 (Horvitz-Thompson on the labels alone)
        assertEstimate(r.humanOnly(), 0.5084954472051246, 0.10969005148942737, 0.29350689682350284, 0.7234839975867464);
        // active N=300 alpha=0.1 theta se lo hi lam
        CorrectedWinRate r10 = ActivePpi.estimate(d.f, d.y, d.pi, d.labelled, 0.1);
        assertEstimate(r10.corrected(), 0.5098642790314142, 0.04348895622510112, 0.4383313116522228, 0.5813972464106055);
        Data big = data(800);
        // active N=800 alpha=0.05 theta se lo hi lam
        CorrectedWinRate r800 = ActivePpi.estimate(big.f, big.y, big.pi, big.labelled, 0.05);
        assertEquals(141, r800.labels());
        assertEquals(0.9466176197057066, r800.lambda(), TOL);
        assertEstimate(r800.corrected(), 0.5203636770174138, 0.024691694137133142, 0.47196884579135406, 0.5687585082434736);
    }

    @Test
    void fixedLambdaMatchesReference() {
        Data d = data(300);
        // active N=300 alpha=0.05 lam=1 theta se lo hi
        assertEstimate(ActivePpi.mean(d.f, d.y, d.pi, d.labelled, 1, 0.05), 0.50998667998668, 0.04441140696363887, 0.42294192183519647, 0.5970314381381636);
        Data big = data(800);
        // active N=800 alpha=0.05 lam=0
        assertEstimate(ActivePpi.mean(big.f, big.y, big.pi, big.labelled, 0, 0.05), 0.5318357549708356, 0.07080282216006845, 0.393064773533307, 0.6706067364083641);
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
