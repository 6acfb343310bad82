package dev.promptarena.calibration;

import dev.promptarena.stats.CorrectedWinRate;
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
 * @param positionAndLength how the judge's wrong votes split by slot and by length
 */
public record CorrectionSummary(CorrectedWinRate winRate, MeanEstimate judgeBias, double targetWidth, int moreLabels,
                                String recommendation, String reason, HumanBias positionAndLength) {
    /** Below this λ the judge carries under 30% weight: its verdicts add little to the labels. */
    static final double USEFUL_LAMBDA = 0.3;

    public static CorrectionSummary of(JudgedCases judged, HumanCorrection.Result r, boolean agreementMet, double targetWidth, double alpha) {
        int n = 0;
        for (double y : r.human()) if (!Double.isNaN(y)) n++;
        double[] diff = new double[n];
        int k = 0;
        for (int i = 0; i < r.human().length; i++) if (!Double.isNaN(r.human()[i])) diff[k++] = judged.score()[i] - r.human()[i];
        double mean = 0, ss = 0;
        for (double d : diff) mean += d / n;
        for (double d : diff) ss += (d - mean) * (d - mean) / n;
        double se = Math.sqrt(ss / n), z = Normal.twoSidedCritical(alpha);
        MeanEstimate bias = new MeanEstimate(mean, se, new dev.promptarena.stats.Interval(mean - z * se, mean + z * se, 1 - alpha, "wald"));
        CorrectedWinRate w = r.winRate();
        double width = w.corrected().interval().upper() - w.corrected().interval().lower();
        int more = width <= targetWidth ? 0 : (int) Math.ceil(w.labels() * (width / targetWidth) * (width / targetWidth)) - w.labels();
        boolean biasSeen = bias.interval().lower() > 0 || bias.interval().upper() < 0;
        String rec, reason;
        if (!biasSeen && agreementMet) {
            rec = "trust the judge";
            reason = String.format(Locale.ROOT, "it agrees with the labels and its bias %+.3f has an interval that includes 0", mean);
        } else if (w.lambda() < USEFUL_LAMBDA) {
            rec = "replace the judge";
            reason = String.format(Locale.ROOT, "its verdicts get weight λ = %.2f against the labels (worth %.0f labels on top of %d)",
                    w.lambda(), Math.max(0, w.effectiveLabels() - w.labels()), w.labels());
        } else {
            rec = "correct with labels";
            reason = String.format(Locale.ROOT, "judge bias %+.3f [%.3f, %.3f]; use the human-corrected win rate%s", mean,
                    bias.interval().lower(), bias.interval().upper(),
                    more == 0 ? "" : String.format(Locale.ROOT, "; about %d more labels for an interval %.2f wide", more, targetWidth));
        }
        return new CorrectionSummary(w, bias, targetWidth, more, rec, reason, HumanBias.of(judged, r.human(), alpha));
    }
}
