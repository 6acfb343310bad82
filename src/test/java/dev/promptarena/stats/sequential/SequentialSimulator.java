package dev.promptarena.stats.sequential;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Monte Carlo of a sequential run at the level of the statistic: each case is judged once, in a seeded
 * random presentation order, by a judge of known behaviour; the design's looks come at fixed judged-case
 * counts; the run stops at the first look whose action is not CONTINUE. Also replays the same paths
 * with the naive rule "stop at the first look where Z ≥ z_{1−α/2}" (what peeking at a fixed-design gate does).
 */
public final class SequentialSimulator {
    /**
     * A judge personality: with probability {@code positionBias} it names whatever is shown first;
     * otherwise B with probability {@code pB}, a tie with {@code pTie}, else A.
     */
    public record Judge(String name, double pB, double pTie, double positionBias) {
        /** Tie-half score of one case: 1 B wins, ½ tie, 0 A wins. */
        double score(SplittableRandom rnd) {
            boolean bFirst = rnd.nextBoolean();
            if (rnd.nextDouble() < positionBias) return bFirst ? 1 : 0;
            double u = rnd.nextDouble();
            return u < pB ? 1 : u < pB + pTie ? 0.5 : 0;
        }

        /** B's true tie-half win rate under the balanced random order. */
        public double winRate() { return positionBias * 0.5 + (1 - positionBias) * (pB + pTie / 2); }
    }

    /** Totals over the simulated runs. */
    public record Summary(int runs, int pass, int fail, int futility, int end, long casesJudged, int naivePass, double[] stopsPerLook) {
        public double passRate() { return (double) pass / runs; }
        public double naivePassRate() { return (double) naivePass / runs; }
        public double meanCases() { return (double) casesJudged / runs; }
    }

    private SequentialSimulator() {}

    /** One case's tie-half score from {@code judge} (for simulations outside this package). */
    public static double score(Judge judge, SplittableRandom rnd) { return judge.score(rnd); }

    /** Simulates {@code runs} runs of the design with looks at {@code lookCases} judged cases. */
    public static Summary simulate(Boundaries b, List<Integer> lookCases, Judge judge, double alpha, int runs, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double naiveCritical = dev.promptarena.stats.Normal.twoSidedCritical(alpha);
        int pass = 0, fail = 0, futility = 0, end = 0, naivePass = 0;
        long cases = 0;
        double[] stops = new double[b.looks()];
        int max = lookCases.get(lookCases.size() - 1);
        for (int r = 0; r < runs; r++) {
            long wins = 0, ties = 0, losses = 0;
            LookAction action = null;
            boolean naive = false;
            int look = 0;
            for (int n = 1; n <= max; n++) {
                double s = judge.score(rnd);
                if (s == 1) wins++;
                else if (s == 0) losses++;
                else ties++;
                if (n != lookCases.get(look)) continue;
                naive |= TieScore.z(wins, ties, losses) >= naiveCritical;
                if (action == null) {
                    LookAction a = SequentialLook.of(b, look + 1, wins, ties, losses).action();
                    if (a != LookAction.CONTINUE) {
                        action = a;
                        cases += n;
                        stops[look]++;
                    }
                }
                look++;
                if (action != null && naive) break; // both rules have decided: the rest of the path changes neither
            }
            switch (action) {
                case STOP_EFFICACY -> pass++;
                case STOP_HARM -> fail++;
                case STOP_FUTILITY -> futility++;
                default -> end++;
            }
            if (naive) naivePass++;
        }
        for (int k = 0; k < stops.length; k++) stops[k] /= runs;
        return new Summary(runs, pass, fail, futility, end, cases, naivePass, stops);
    }
}
