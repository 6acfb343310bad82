package dev.promptarena.stats;

/**
 * Do a judge's mistakes lean one way? Each vote is a chance to err; {@code x} marks the votes where the answer the
 * humans passed over sat in the position under test (shown first, or the longer one), so a wrong vote with {@code x}
 * picked that position. A judge whose mistakes are noise errs as often with {@code x} as without, and then the share
 * of its wrong votes that picked the position is about the share of all its votes with {@code x}
 * ({@code expectedShare}) — not 50%: when humans prefer the longer answer in 65% of cases, a judge that errs at random
 * picks the longer answer in about 35% of its mistakes. The test is Fisher's exact test of the 2 × 2 table
 * (x or not) × (wrong or right). Votes of one case are not independent (a case the judge misreads it gets wrong in both
 * orders, every sample and repeat), so when a case gives more than one vote every count is divided by the
 * case-clustered design effect of the difference of error rates ({@link #designEffect}, at least 1), as the run's order
 * test does (a Rao–Scott style correction).
 *
 * @param votes           votes counted (decisive votes on decisively labelled cases)
 * @param wrong           of those, votes that contradict the human label
 * @param wrongToPosition wrong votes that picked the position under test
 * @param share           wrongToPosition / wrong, null without wrong votes
 * @param expectedShare   the share of all counted votes with {@code x}: what a judge whose mistakes are noise shows;
 *                        null without votes
 * @param designEffect    the divisor of the counts (1 when no case gave more than one vote)
 * @param p               two-sided p of Fisher's exact test on the effective counts; null without wrong votes
 */
public record ErrorSplit(int votes, int wrong, int wrongToPosition, Double share, Double expectedShare, double designEffect, Double p) {
    /**
     * @param wrongWith    per case, wrong votes with x
     * @param rightWith    per case, right votes with x
     * @param wrongWithout per case, wrong votes without x
     * @param rightWithout per case, right votes without x
     */
    public static ErrorSplit of(int[] wrongWith, int[] rightWith, int[] wrongWithout, int[] rightWithout) {
        int a = sum(wrongWith), b = sum(rightWith), c = sum(wrongWithout), d = sum(rightWithout);
        int votes = a + b + c + d, wrong = a + c;
        boolean clustered = false;
        for (int k = 0; k < wrongWith.length; k++) clustered |= wrongWith[k] + rightWith[k] + wrongWithout[k] + rightWithout[k] > 1;
        double deff = clustered ? designEffect(wrongWith, rightWith, wrongWithout, rightWithout) : 1;
        Double p = wrong == 0 ? null : FisherExact.twoSidedP(effective(a, deff), effective(b, deff), effective(c, deff), effective(d, deff));
        return new ErrorSplit(votes, wrong, a, wrong == 0 ? null : a / (double) wrong, votes == 0 ? null : (a + b) / (double) votes, deff, p);
    }

    /**
     * The case-clustered variance of e₁ − e₀ (the error rates with and without x) over its variance with independent
     * votes, at least 1. These are the slope variances of statsmodels' {@code OLS(wrong, add_constant(x))} with
     * {@code cov_type="cluster"} (groups = case, {@code use_correction=False}, times K/(K − 1) for K cases) and
     * {@code cov_type="HC0"}. 1 with fewer than 2 cases, or when either rate is 0 or 1 (no variance to inflate).
     */
    static double designEffect(int[] wrongWith, int[] rightWith, int[] wrongWithout, int[] rightWithout) {
        int cases = wrongWith.length;
        double w1 = sum(wrongWith), n1 = w1 + sum(rightWith), w0 = sum(wrongWithout), n0 = w0 + sum(rightWithout);
        if (cases < 2 || n1 == 0 || n0 == 0) return 1;
        double e1 = w1 / n1, e0 = w0 / n0;
        double independent = e1 * (1 - e1) / n1 + e0 * (1 - e0) / n0;
        if (!(independent > 0)) return 1;
        double ss = 0;
        for (int k = 0; k < cases; k++) {
            double u = (wrongWith[k] - e1 * (wrongWith[k] + rightWith[k])) / n1 - (wrongWithout[k] - e0 * (wrongWithout[k] + rightWithout[k])) / n0;
            ss += u * u;
        }
        return Math.max(1, (double) cases / (cases - 1) * ss / independent);
    }

    private static int effective(int count, double deff) { return (int) Math.round(count / deff); }

    private static int sum(int[] x) {
        int s = 0;
        for (int v : x) s += v;
        return s;
    }
}
