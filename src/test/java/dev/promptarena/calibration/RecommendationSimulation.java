package dev.promptarena.calibration;

import dev.promptarena.calibration.CorrectionSummary.Recommendation;
import dev.promptarena.stats.CorrectedWinRate;
import dev.promptarena.stats.PredictionPowered;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code calibrate}'s recommendation under simulated judges of known behaviour. Each case has a human verdict (B with
 * probability 0.6), a presentation order (B first with probability 1/2) and B's answer is the longer one. The judge,
 * per case: with probability {@code positionBias} names the response shown first; else with probability
 * {@code lengthBias} the longer one (B); else with probability {@code copy} the human verdict; else an independent draw
 * with the humans' own B share, so that a judge with neither bias is unbiased. Labels: a random {@code labels} of
 * {@code cases} cases. The agreement rule is calibrate's default (the point agreement on the labels reaches 0.80).
 * {@code main} is the sweep of docs/statistics.md 19.4 ({@code bench/calibrate-recommendation.sh}).
 */
public final class RecommendationSimulation {
    static final double HUMAN_B = 0.6, THRESHOLD = 0.8, TARGET_WIDTH = 0.10, ALPHA = 0.05;

    /** A judge of known behaviour; its win-rate bias is lengthBias·(1 − 0.6)·(1 − positionBias), position bias adds none. */
    record Judge(String name, double copy, double positionBias, double lengthBias) {
        double trueBias() { return (1 - positionBias) * lengthBias * (1 - HUMAN_B); }

        double trueAgreement() {
            double fair = copy + (1 - copy) * (HUMAN_B * HUMAN_B + (1 - HUMAN_B) * (1 - HUMAN_B));
            return positionBias * 0.5 + (1 - positionBias) * (lengthBias * HUMAN_B + (1 - lengthBias) * fair);
        }
    }

    static final Judge GOOD = new Judge("unbiased, agrees with humans", 0.85, 0, 0);
    static final Judge POSITION = new Judge("position bias 0.3", 0.85, 0.3, 0);
    static final Judge LENGTH = new Judge("length bias 0.25 (B longer)", 0.85, 0, 0.25);
    static final Judge CHANCE = new Judge("at chance", 0, 0, 0);

    private RecommendationSimulation() {}

    static Recommendation once(Judge j, int cases, int labels, long seed) { return once(j, cases, labels, seed, false); }

    /**
     * The rule before this session, for the sweep's "before" columns: trust when the 95% bias interval contains 0 and the
     * agreement rule is met, replace when PPI++'s tuned λ is below 0.3, else correct.
     */
    static Recommendation before(double[] y, double[] yhat, CorrectedWinRate w, boolean agreementMet) {
        CorrectionSummary.Advice now = CorrectionSummary.advise(y, yhat, w, agreementMet, TARGET_WIDTH, ALPHA);
        boolean biasSeen = now.judgeBias().interval().lower() > 0 || now.judgeBias().interval().upper() < 0;
        if (!biasSeen && agreementMet) return Recommendation.TRUST;
        return w.lambda() < 0.3 ? Recommendation.REPLACE : Recommendation.CORRECT;
    }

    static Recommendation once(Judge j, int cases, int labels, long seed, boolean oldRule) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] y = new double[labels], yhat = new double[labels], rest = new double[cases - labels];
        int agree = 0;
        for (int c = 0; c < cases; c++) {
            boolean human = rng.nextDouble() < HUMAN_B;
            boolean bFirst = rng.nextBoolean();
            boolean judge;
            if (rng.nextDouble() < j.positionBias()) judge = bFirst;
            else if (rng.nextDouble() < j.lengthBias()) judge = true;
            else if (rng.nextDouble() < j.copy()) judge = human;
            else judge = rng.nextDouble() < HUMAN_B;
            if (c < labels) {
                y[c] = human ? 1 : 0;
                yhat[c] = judge ? 1 : 0;
                if (human == judge) agree++;
            } else {
                rest[c - labels] = judge ? 1 : 0;
            }
        }
        CorrectedWinRate w = PredictionPowered.estimate(y, yhat, rest, ALPHA);
        boolean agreementMet = agree >= THRESHOLD * labels;
        return oldRule ? before(y, yhat, w, agreementMet) : CorrectionSummary.advise(y, yhat, w, agreementMet, TARGET_WIDTH, ALPHA).recommendation();
    }

    static Map<Recommendation, Double> shares(Judge j, int cases, int labels, int runs, long firstSeed) {
        return shares(j, cases, labels, runs, firstSeed, false);
    }

    static Map<Recommendation, Double> shares(Judge j, int cases, int labels, int runs, long firstSeed, boolean oldRule) {
        Map<Recommendation, Double> out = new EnumMap<>(Recommendation.class);
        for (Recommendation r : Recommendation.values()) out.put(r, 0.0);
        for (long s = firstSeed; s < firstSeed + runs; s++) out.merge(once(j, cases, labels, s, oldRule), 1.0 / runs, Double::sum);
        return out;
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.println("| judge | true bias | true agreement | labels (of 400 cases) | trust | correct | replace | before: trust | before: correct | before: replace |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Judge j : List.of(GOOD, POSITION, LENGTH, CHANCE)) {
            for (int labels : new int[] {50, 100, 200, 300}) {
                Map<Recommendation, Double> s = shares(j, 400, labels, runs, 1), b = shares(j, 400, labels, runs, 1, true);
                System.out.printf(Locale.ROOT, "| %s | %+.3f | %.3f | %d | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% |%n", j.name(), j.trueBias(),
                        j.trueAgreement(), labels, 100 * s.get(Recommendation.TRUST), 100 * s.get(Recommendation.CORRECT),
                        100 * s.get(Recommendation.REPLACE), 100 * b.get(Recommendation.TRUST), 100 * b.get(Recommendation.CORRECT),
                        100 * b.get(Recommendation.REPLACE));
            }
        }
    }
}
