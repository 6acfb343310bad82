package dev.promptarena.stats;

/**
 * Verbosity (length) bias of the verdicts (exploratory): Firth-penalized logistic regression of "B wins" on the
 * bounded, normalized length difference x = tanh(d / s), d = words(B) − words(A) and s the sample SD of d over
 * the scored outcomes (AlpacaEval 2.0's length control, Dubois et al. 2024), ties and inconsistent verdicts
 * entering as half a win plus half a loss. The Firth penalty keeps the fit finite when the verdicts are separated
 * by length; the bounded x keeps one very long answer from driving the slope.
 *
 * @param role           always {@link Evidence#EXPLORATORY}
 * @param n              scored outcomes in the fit
 * @param estimable      false when the model could not be fitted (no length variation, n &lt; 10)
 * @param note           why it is not estimable, or null
 * @param clusterRobust  true when repeats made the standard errors cluster-robust (sandwich over cases)
 * @param slope          log-odds change of B winning per unit of x (x runs from −1 to 1)
 * @param slopeInterval  Wald interval slope ± z · SE
 * @param slopeP         two-sided Wald p-value of the slope
 * @param lengthScaleWords s, the SD of the length difference in words that x is scaled by
 * @param rawWinRate     tie-half win rate over the same outcomes
 * @param rawInterval    its Wilson interval
 * @param lengthControlledWinRate predicted P(B wins) at equal lengths, expit(intercept)
 * @param lengthControlledInterval expit of the Wald interval of the intercept
 * @param lengthDecided  decisive outcomes whose two answers differ in length
 * @param longerWon      of those, outcomes won by the longer answer
 * @param followsLength  true when the Wilson lower bound of longerWon / lengthDecided is at least
 *                       {@link VerbosityAnalysis#FOLLOWS_LENGTH}: the verdict follows length almost perfectly
 * @param warning        the verbosity warning when the slope is significant family-wise (Holm across the run's
 *                       exploratory warnings), or when the verdict follows length; null otherwise
 */
public record VerbosityResult(Evidence role, int n, boolean estimable, String note, boolean clusterRobust,
                              Double slope, Interval slopeInterval, Double slopeP, Double lengthScaleWords,
                              Double rawWinRate, Interval rawInterval,
                              Double lengthControlledWinRate, Interval lengthControlledInterval,
                              int lengthDecided, int longerWon, boolean followsLength, String warning) {

    /** This result with the warning decided by the family-wise rule. */
    public VerbosityResult withWarning(String w) {
        return new VerbosityResult(role, n, estimable, note, clusterRobust, slope, slopeInterval, slopeP, lengthScaleWords,
                rawWinRate, rawInterval, lengthControlledWinRate, lengthControlledInterval, lengthDecided, longerWon, followsLength, w);
    }
}
