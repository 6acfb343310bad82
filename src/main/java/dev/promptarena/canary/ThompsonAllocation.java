package dev.promptarena.canary;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * Beta–Bernoulli Thompson sampling as a traffic split for the next period: each variant's posterior is
 * Beta(prior_a + successes, prior_b + failures); the split gives each variant the share of joint posterior
 * draws in which it has the highest rate (probability of being best), which is what per-request Thompson
 * sampling would route on average over the period. Seeded, so the same counts give the same advice.
 */
public final class ThompsonAllocation {
    private ThompsonAllocation() {}

    /** One variant's counts. */
    public record Arm(String variant, long successes, long failures) {
        public Arm {
            if (successes < 0 || failures < 0) throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /** One variant's advice: its posterior mean, its probability of being best (= its traffic share) and the Monte Carlo SE. */
    public record Share(String variant, long successes, long failures, double posteriorMean, double share, double monteCarloSe) {}

    public static List<Share> split(List<Arm> arms, double priorA, double priorB, int draws, long seed) {
        if (arms.size() < 2) throw new IllegalArgumentException("need at least two variants, got " + arms.size());
        if (!(priorA > 0 && priorB > 0)) throw new IllegalArgumentException("prior parameters must be > 0");
        if (draws < 1) throw new IllegalArgumentException("draws must be >= 1, got " + draws);
        Well19937c rng = new Well19937c(seed);
        List<BetaDistribution> posteriors = new ArrayList<>();
        for (Arm a : arms) {
            posteriors.add(new BetaDistribution(rng, priorA + a.successes(), priorB + a.failures(),
                    BetaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY));
        }
        long[] wins = new long[arms.size()];
        for (int d = 0; d < draws; d++) {
            int best = 0;
            double top = -1;
            for (int i = 0; i < posteriors.size(); i++) {
                double x = posteriors.get(i).sample();
                if (x > top) { top = x; best = i; }
            }
            wins[best]++;
        }
        List<Share> out = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            Arm a = arms.get(i);
            double share = wins[i] / (double) draws;
            double a0 = priorA + a.successes(), b0 = priorB + a.failures();
            out.add(new Share(a.variant(), a.successes(), a.failures(), a0 / (a0 + b0), share, Math.sqrt(share * (1 - share) / draws)));
        }
        return out;
    }
}
