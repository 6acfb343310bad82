package dev.promptarena.calibration;

import dev.promptarena.stats.CorrectedWinRate;
import dev.promptarena.stats.Interval;
import dev.promptarena.stats.JudgeSlope;
import dev.promptarena.stats.MeanEstimate;
import dev.promptarena.stats.Normal;
import java.util.Locale;

/**
 * What the human labels say about the judge's verdict, and what to do about it.
 *
 * @param winRate          judge-only, human-only and human-corrected win rates
 * @param judgeBias        judge score minus human score on the labelled cases (positive: the judge favours B),
 *                         mean with its CLT interval
 * @param targetWidth      the interval width the recommendation aims at
 * @param moreLabels       about how many more labels the corrected interval needs to reach {@code targetWidth}
 *                         (width shrinks as 1/√labels); 0 when it is already there
 * @param recommendation   {@code trust the judge}, {@code correct with labels} or {@code replace the judge}
 * @param reason           the numbers behind it, in one sentence
 * @param positionAndLength how the judge's wrong votes split by slot and by length, each tested against a judge whose
 *                          mistakes are noise (Holm over the two)
 */
public record CorrectionSummary(CorrectedWinRate winRate, MeanEstimate judgeBias, double targetWidth, int moreLabels,
                                String recommendation, String reason, HumanBias positionAndLength) {
    /**
     * A judge the humans follow by less than this (the slope of human on judge score: P(human B | judge B) −
     * P(human B | judge A) with 0/1 scores) adds little to the labels. It was a threshold on PPI++'s tuned λ, which
     * shrinks by 1 + labels/unlabelled cases: with half the cases labelled a judge of agreement 0.80 got "replace" in
     * half the runs, and with three quarters labelled every judge it did not trust (docs/statistics.md 19.4).
     */
    static final double USEFUL_SLOPE = 0.3;
    /**
     * A judge bias (judge minus human win rate) smaller than this is immaterial: 5 points of B's win rate. "Trust the
     * judge" needs the labels to show the bias is inside ±this (two one-sided tests at alpha: the 1 − 2·alpha interval);
     * it used to need only that the bias interval contained 0, which 50 labels said of a +0.10 judge in 42% of runs.
     */
    static final double MATERIAL_BIAS = 0.05;

    public static CorrectionSummary of(JudgedCases judged, HumanCorrection.Result r, boolean agreementMet, double targetWidth, double alpha) {
        int n = 0;
        for (double y : r.human()) if (!Double.isNaN(y)) n++;
        double[] human = new double[n], judge = new double[n];
        int k = 0;
        for (int i = 0; i < r.human().length; i++) {
            if (Double.isNaN(r.human()[i])) continue;
            human[k] = r.human()[i];
            judge[k++] = judged.score()[i];
        }
        Advice a = advise(human, judge, r.winRate(), agreementMet, targetWidth, alpha);
        return new CorrectionSummary(r.winRate(), a.judgeBias(), targetWidth, a.moreLabels(), a.recommendation().text(), a.reason(),
                HumanBias.of(judged, r.human(), alpha));
    }

    /** The three recommendations. */
    public enum Recommendation {
        TRUST("trust the judge"), CORRECT("correct with labels"), REPLACE("replace the judge");

        private final String text;

        Recommendation(String text) { this.text = text; }

        public String text() { return text; }
    }

    /** A recommendation with the numbers behind it. */
    public record Advice(Recommendation recommendation, String reason, MeanEstimate judgeBias, int moreLabels) {}

    /**
     * The recommendation from the labelled cases' human and judge scores, the corrected win rate and the agreement
     * rule's verdict, each on an interval: trust the judge only when the labels show its bias is immaterial and it
     * meets the agreement rule; replace it only when they show the humans hardly follow it; otherwise correct with
     * labels. A pure function, so its rates are measured with simulated judges (CalibrationRecommendationRatesTest).
     */
    public static Advice advise(double[] human, double[] judge, CorrectedWinRate w, boolean agreementMet, double targetWidth, double alpha) {
        int n = human.length;
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) diff[i] = judge[i] - human[i];
        double mean = 0, ss = 0;
        for (double d : diff) mean += d / n;
        for (double d : diff) ss += (d - mean) * (d - mean) / n;
        double se = Math.sqrt(ss / n), z = Normal.twoSidedCritical(alpha);
        MeanEstimate bias = new MeanEstimate(mean, se, new Interval(mean - z * se, mean + z * se, 1 - alpha, "wald"));
        double zEquivalence = Normal.twoSidedCritical(2 * alpha);
        double eqLower = mean - zEquivalence * se, eqUpper = mean + zEquivalence * se;
        double width = w.corrected().interval().upper() - w.corrected().interval().lower();
        int more = width <= targetWidth ? 0 : (int) Math.ceil(w.labels() * (width / targetWidth) * (width / targetWidth)) - w.labels();
        boolean immaterial = eqLower > -MATERIAL_BIAS && eqUpper < MATERIAL_BIAS;
        if (immaterial && agreementMet) {
            return new Advice(Recommendation.TRUST, String.format(Locale.ROOT, "it meets the agreement rule and its bias %+.3f is within ±%.2f"
                    + " (%.0f%% interval [%.3f, %.3f])", mean, MATERIAL_BIAS, 100 * (1 - 2 * alpha), eqLower, eqUpper), bias, more);
        }
        JudgeSlope slope = JudgeSlope.of(human, judge, alpha);
        if (Double.isNaN(slope.slope())) {
            if (judgeNeverVaries(judge)) {
                return new Advice(Recommendation.REPLACE, String.format(Locale.ROOT, "it gave the same verdict on all %d labelled cases,"
                        + " which tells the labels nothing", n), bias, more);
            }
        } else if (slope.interval().upper() < USEFUL_SLOPE) {
            return new Advice(Recommendation.REPLACE, String.format(Locale.ROOT, "the humans follow its verdicts by %.2f [%.2f, %.2f]"
                    + " (slope of human on judge score; 1 = always, 0 = not at all), below %.1f beyond noise; its weight λ = %.2f",
                    slope.slope(), slope.interval().lower(), slope.interval().upper(), USEFUL_SLOPE, w.lambda()), bias, more);
        }
        String why = !immaterial ? String.format(Locale.ROOT, "judge bias %+.3f [%.3f, %.3f], not shown to be within ±%.2f", mean,
                bias.interval().lower(), bias.interval().upper(), MATERIAL_BIAS)
                : String.format(Locale.ROOT, "judge bias %+.3f [%.3f, %.3f], but the agreement rule is not met", mean,
                bias.interval().lower(), bias.interval().upper());
        return new Advice(Recommendation.CORRECT, why + "; use the human-corrected win rate"
                + (more == 0 ? "" : String.format(Locale.ROOT, "; about %d more labels for an interval %.2f wide", more, targetWidth)), bias, more);
    }

    private static boolean judgeNeverVaries(double[] judge) {
        for (double j : judge) if (j != judge[0]) return false;
        return judge.length > 0;
    }
}
