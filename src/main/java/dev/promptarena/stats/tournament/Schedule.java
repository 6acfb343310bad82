package dev.promptarena.stats.tournament;

/** Which pairs of variants a tournament judges on each case. */
public enum Schedule {
    /** Each candidate against the control only: the gate's question, k − 1 pairs per case. */
    VS_CONTROL,
    /** Every pair: k(k − 1)/2 pairs per case; needed to rank candidates against one another. */
    ROUND_ROBIN,
    /**
     * Every candidate vs the control on all cases, a round-robin first pass on a sample of the cases, then extra calls
     * on the least certain candidate pairs. Inference uses the first stage only (the extra calls depend on earlier
     * outcomes); it is planned as that first stage (candidate pairs on the first-pass share of the cases).
     */
    ADAPTIVE;

    /** The pairs (a &lt; b) judged on one case, control = variant 0. */
    public int[][] pairs(int variants) {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int a = 0; a < variants; a++) {
            for (int b = a + 1; b < variants; b++) if (this != VS_CONTROL || a == 0) out.add(new int[] {a, b});
        }
        return out.toArray(int[][]::new);
    }
}
