package dev.promptarena.canary;

import dev.promptarena.stats.ClusteredProportions;
import dev.promptarena.stats.Normal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A/A and A/B event logs with correlated turns inside a session (a per-session random effect on the logit), through
 * the real {@link SignalAnalysis}: the clustered test's false-positive rate, the naive turn-level z-test's for
 * comparison, and power. Few seeds in {@link SignalFalseAlarmTest}; many in bench/canary-false-alarms.sh.
 */
public final class SignalSimulation {
    private SignalSimulation() {}

    /** Turns of one simulated log: 400 sessions of 1-6 turns, half per variant, rephrased_query with base rate p. */
    static List<SignalEvents.Turn> log(long seed, double pControl, double pTreatment, double sessionSd) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<SignalEvents.Turn> turns = new ArrayList<>();
        java.time.Instant t0 = java.time.Instant.parse("2026-05-01T00:00:00Z");
        for (int s = 0; s < 400; s++) {
            String variant = s % 2 == 0 ? "control" : "treatment";
            double p = variant.equals("control") ? pControl : pTreatment;
            double effect = sessionSd * gaussian(rng);
            int n = 1 + rng.nextInt(6);
            for (int t = 0; t < n; t++) {
                double logit = Math.log(p / (1 - p)) + effect;
                boolean fired = rng.nextDouble() < 1 / (1 + Math.exp(-logit));
                turns.add(new SignalEvents.Turn("s" + s, "t" + t, variant, t0.plusSeconds(60L * (s * 10 + t)),
                        fired ? java.util.Set.of("rephrased_query") : java.util.Set.of()));
            }
        }
        return turns;
    }

    private static double gaussian(SplittableRandom rng) {
        return Normal.quantile(Math.min(1 - 1e-12, Math.max(1e-12, rng.nextDouble())));
    }

    /** Share of seeds where the clustered test (and, second, the naive turn-level z-test) rejects at 0.05. */
    public static double[] rejectionRates(int seeds, double pControl, double pTreatment, double sessionSd, long seed0) {
        int clustered = 0, naive = 0;
        for (int i = 0; i < seeds; i++) {
            List<SignalEvents.Turn> turns = log(seed0 + i, pControl, pTreatment, sessionSd);
            SignalAnalysis.SignalRow row = SignalAnalysis.analyse(turns, "control", "treatment", 0.05, 24).signals().get(0);
            if (row.difference().p() < 0.05) clustered++;
            if (naiveP(turns) < 0.05) naive++;
        }
        return new double[] {clustered / (double) seeds, naive / (double) seeds};
    }

    /** Pooled two-proportion z-test over turns as if independent (statsmodels proportions_ztest). */
    static double naiveP(List<SignalEvents.Turn> turns) {
        double kc = 0, nc = 0, kt = 0, nt = 0;
        for (SignalEvents.Turn t : turns) {
            boolean y = t.signals().contains("rephrased_query");
            if (t.variant().equals("control")) { nc++; if (y) kc++; } else { nt++; if (y) kt++; }
        }
        double p = (kc + kt) / (nc + nt), se = Math.sqrt(p * (1 - p) * (1 / nc + 1 / nt));
        return Normal.twoSidedP((kt / nt - kc / nc) / se);
    }

    /** Prints the table of docs/statistics.md. Args: SEEDS (default 2000). */
    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.println("# signals: rephrased_query, 400 sessions x 1-6 turns; rejection rate at 0.05 (clustered, naive turn-level)");
        for (double sd : new double[] {0, 1, 2}) {
            double[] aa = rejectionRates(seeds, 0.10, 0.10, sd, 1);
            double[] ab = rejectionRates(seeds, 0.10, 0.14, sd, 1_000_000);
            System.out.printf("session_sd %.0f: A/A clustered %.4f naive %.4f | 0.10 -> 0.14 clustered %.4f naive %.4f%n", sd, aa[0], aa[1], ab[0], ab[1]);
        }
    }
}
