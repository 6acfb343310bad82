package dev.promptarena.config;

/**
 * Settings of {@code tournament: {schedule: adaptive}}: a round-robin first pass on a seeded sample of the cases, every
 * candidate against the control on all cases, then {@code extraPairs} judgings of candidate pairs on the other cases,
 * given to the pairs whose order the first pass left least certain.
 *
 * @param firstPassShare share of the cases in the first pass (0 &lt; share &lt; 1), or NaN when a count is given
 * @param firstPassCount number of cases in the first pass, or 0 when a share is given
 * @param extraPairs     judgings after the first pass (each one candidate pair on one case and repeat), or null for half
 *                       of what a round robin would judge on the remaining cases
 */
public record AdaptiveSchedule(double firstPassShare, int firstPassCount, Integer extraPairs) {
    /** The default: half the cases in the first pass, half the remaining round robin's candidate pairs after it. */
    public static final AdaptiveSchedule DEFAULT = new AdaptiveSchedule(0.5, 0, null);

    public AdaptiveSchedule {
        if (Double.isNaN(firstPassShare) == (firstPassCount == 0)) throw new IllegalArgumentException("give a first-pass share or a count");
        if (extraPairs != null && extraPairs < 0) throw new IllegalArgumentException("extra_pairs must be >= 0, got " + extraPairs);
    }

    /** Cases in the first pass out of {@code cases}: at least 2 and at most all of them. */
    public int firstPassCases(int cases) {
        int n = Double.isNaN(firstPassShare) ? firstPassCount : (int) Math.round(firstPassShare * cases);
        return Math.min(cases, Math.max(Math.min(2, cases), n));
    }

    /**
     * Judgings after the first pass, at most one per candidate pair per remaining (case, repeat).
     *
     * @param remainingUnits (case, repeat) units outside the first pass
     * @param candidatePairs pairs of candidates (the control's pairs are judged on every case anyway)
     */
    public int extraJudgings(int remainingUnits, int candidatePairs) {
        long most = (long) remainingUnits * candidatePairs;
        long wanted = extraPairs == null ? (most + 1) / 2 : extraPairs;
        return (int) Math.min(most, wanted);
    }
}
