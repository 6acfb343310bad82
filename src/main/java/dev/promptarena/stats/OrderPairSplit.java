package dev.promptarena.stats;

/**
 * Do a judge's mistakes lean to the first slot, read from order pairs? When a case is judged in both orders (by the
 * same judge, sample and repeat), one vote of the pair had the answer the humans passed over shown first and the
 * other had it second. A pair where the judge erred in one order only is discordant: it leans to the first slot when
 * the mistake came with the passed-over answer first. A judge blind to the slot errs in either order alike, so the
 * two kinds of discordant pair are equally likely; the pairs where it erred in both orders or in neither (a case it
 * misreads, a case it reads right) say nothing about the slot and drop out, which is where this test gains over
 * {@link ErrorSplit}: there a misread case, wrong once in each slot, still counts as two wrong votes.
 *
 * <p>The unit is the case, because the pairs of one case (panel members, samples, repeats) are not independent: a case
 * leans to the first slot when its pairs' mistakes do on balance (the sum over its pairs of wrong-when-first minus
 * wrong-when-second is positive), and the exact two-sided sign test asks whether cases lean first as often as second.
 * With one pair per case this is the exact McNemar test of the pairs (statsmodels {@code mcnemar(exact=True)}, scipy
 * {@code binomtest(k, n, 0.5)}; reference/order_pairs.py).
 *
 * @param pairs              order pairs counted (two decisive votes each)
 * @param discordant         of those, pairs wrong in one order only
 * @param discordantFirst    discordant pairs wrong only when the passed-over answer was shown first
 * @param cases              cases with at least one pair
 * @param casesLeaningFirst  cases whose pairs' mistakes lean to the first slot
 * @param casesLeaningSecond cases whose pairs' mistakes lean to the second slot
 * @param p                  two-sided exact sign test of the leaning cases (1 when none leans)
 */
public record OrderPairSplit(int pairs, int discordant, int discordantFirst, int cases, int casesLeaningFirst, int casesLeaningSecond,
                             double p) {
    /**
     * @param wrongOnlyFirst  per case, its pairs wrong only with the passed-over answer shown first
     * @param wrongOnlySecond per case, its pairs wrong only with it shown second
     * @param pairs           per case, its pairs (concordant ones included)
     */
    public static OrderPairSplit of(int[] wrongOnlyFirst, int[] wrongOnlySecond, int[] pairs) {
        if (wrongOnlyFirst.length != wrongOnlySecond.length || pairs.length != wrongOnlyFirst.length) {
            throw new IllegalArgumentException("per-case arrays differ in length");
        }
        int total = 0, discordant = 0, first = 0, cases = 0, leanFirst = 0, leanSecond = 0;
        for (int k = 0; k < pairs.length; k++) {
            if (wrongOnlyFirst[k] < 0 || wrongOnlySecond[k] < 0 || wrongOnlyFirst[k] + wrongOnlySecond[k] > pairs[k]) {
                throw new IllegalArgumentException("case " + k + ": discordant pairs must be >= 0 and at most its pairs");
            }
            if (pairs[k] == 0) continue;
            cases++;
            total += pairs[k];
            discordant += wrongOnlyFirst[k] + wrongOnlySecond[k];
            first += wrongOnlyFirst[k];
            if (wrongOnlyFirst[k] > wrongOnlySecond[k]) leanFirst++;
            else if (wrongOnlySecond[k] > wrongOnlyFirst[k]) leanSecond++;
        }
        return new OrderPairSplit(total, discordant, first, cases, leanFirst, leanSecond, SignTest.twoSided(leanFirst, leanSecond));
    }
}
