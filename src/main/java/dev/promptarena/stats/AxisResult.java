package dev.promptarena.stats;

/**
 * One rubric axis, compared per case (exploratory).
 *
 * @param axis           axis name
 * @param role           always {@link Evidence#EXPLORATORY}
 * @param cases          cases with at least one parseable vote scoring this axis for both variants
 * @param meanA          mean over cases of A's per-case mean score
 * @param meanB          mean over cases of B's per-case mean score
 * @param meanDifference mean over cases of (B − A); positive favours B
 * @param difference     case-bootstrap interval for meanDifference; null when there are no cases
 * @param wilcoxon       Wilcoxon signed-rank test and rank-biserial effect size on the per-case differences
 * @param pHolm          Holm-adjusted p across the axis family
 * @param pBenjaminiHochberg Benjamini-Hochberg-adjusted p across the axis family
 * @param pBonferroni    Bonferroni-adjusted p across the axis family
 */
public record AxisResult(String axis, Evidence role, int cases, Double meanA, Double meanB, Double meanDifference,
                         BootstrapResult difference, WilcoxonSignedRank wilcoxon, double pHolm,
                         double pBenjaminiHochberg, double pBonferroni) {}
