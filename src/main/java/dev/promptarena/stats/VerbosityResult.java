package dev.promptarena.stats;

/**
 * Verbosity (length) bias of the verdicts (exploratory): logistic regression of "B wins" on the length
 * difference {@code x = (words(B) − words(A)) / 100} over scored outcomes, ties and inconsistent verdicts
 * entering as half a win plus half a loss.
 *
 * @param role           always {@link Evidence#EXPLORATORY}
 * @param n              scored outcomes in the fit
 * @param estimable      false when the model could not be fitted (no length variation, separation, n &lt; 10)
 * @param note           why it is not estimable, or null
 * @param clusterRobust  true when repeats made the standard errors cluster-robust (sandwich over cases,
 *                       see {@link LogisticRegression#clusterCovariance}); false: model-based standard errors
 * @param slopePer100Words log-odds change of B winning per 100 extra words of B over A
 * @param slopeInterval  Wald interval slope ± z · SE
 * @param slopeP         two-sided Wald p-value of the slope
 * @param rawWinRate     tie-half win rate over the same outcomes
 * @param rawInterval    its Wilson interval
 * @param lengthControlledWinRate predicted P(B wins) at zero length difference, expit(intercept)
 *                       (the length-controlled win rate idea of AlpacaEval 2.0, Dubois et al. 2024)
 * @param lengthControlledInterval expit of the Wald interval of the intercept (delta method on the
 *                       logit scale, which keeps the interval inside (0, 1))
 * @param warning        set when raw and length-controlled win rates differ by more than
 *                       {@link VerbosityAnalysis#MATERIAL_DIFFERENCE} or their intervals do not overlap
 */
public record VerbosityResult(Evidence role, int n, boolean estimable, String note, boolean clusterRobust,
                              Double slopePer100Words,
                              Interval slopeInterval, Double slopeP, Double rawWinRate, Interval rawInterval,
                              Double lengthControlledWinRate, Interval lengthControlledInterval, String warning) {}
