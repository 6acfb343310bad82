package dev.promptarena.calibration;

import dev.promptarena.stats.Interval;
import java.util.List;

/**
 * The result of {@code prompt-arena calibrate}.
 *
 * @param runDir          the run folder
 * @param labelsFile      the labels file
 * @param labels          label rows read
 * @param labelledItems   recorded (case, repeat) outcomes with a human label
 * @param unknownCases    case ids labelled but not in the run (left out)
 * @param threshold       the policy: the panel's raw agreement (with ties) must reach it
 * @param panel           the panel's combined verdict against the labels (what the gate used)
 * @param perJudge        each judge alone (one entry for a single judge)
 * @param trusted         panel agreement &gt;= threshold
 * @param verdict         "judge trusted" or "recalibrate the judge"
 */
public record CalibrationResult(String runDir, String labelsFile, int labels, int labelledItems, List<String> unknownCases,
                                double threshold, JudgeAgreement panel, List<JudgeAgreement> perJudge, boolean trusted,
                                String verdict, Interval agreementInterval, Rule rule) {
    /** The pre-registered rule that decides trust from the panel's raw agreement. */
    public enum Rule {
        /** Trusted when the point estimate reaches the threshold. */
        POINT,
        /** Trusted when the Wilson lower bound of the agreement reaches the threshold (8 labels rarely suffice). */
        LOWER_BOUND
    }

    public CalibrationResult {
        unknownCases = List.copyOf(unknownCases);
        perJudge = List.copyOf(perJudge);
    }
}
