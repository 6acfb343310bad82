package dev.promptarena.stats;

import java.util.ArrayList;
import java.util.List;

/** Builds {@link PanelAgreement}: Cohen's kappa for two judges, Fleiss' kappa for more. */
final class PanelAgreements {
    private PanelAgreements() {}

    /**
     * @param judges   judge ids
     * @param verdicts per judge, its verdict on every outcome (same outcome order for every judge)
     */
    static PanelAgreement of(List<String> judges, List<List<Verdict>> verdicts, double alpha) {
        int n = verdicts.get(0).size();
        int[][] items = new int[n][];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int[] row = new int[3];
            boolean complete = true;
            for (List<Verdict> v : verdicts) {
                int c = category(v.get(i));
                if (c < 0) { complete = false; break; }
                row[c]++;
            }
            if (complete) items[kept++] = row;
        }
        int[][] rows = java.util.Arrays.copyOf(items, kept);
        List<PairwiseKappa> pairwise = new ArrayList<>();
        for (int i = 0; i < judges.size(); i++) {
            for (int j = i + 1; j < judges.size(); j++) {
                PanelAgreement two = cohen(List.of(judges.get(i), judges.get(j)), List.of(verdicts.get(i), verdicts.get(j)), alpha, List.of());
                pairwise.add(new PairwiseKappa(judges.get(i), judges.get(j), two.items(), two.observed(), two.kappa(), two.interval()));
            }
        }
        return judges.size() == 2 ? cohen(judges, verdicts, alpha, pairwise) : fleiss(judges, rows, alpha, pairwise);
    }

    private static PanelAgreement cohen(List<String> judges, List<List<Verdict>> verdicts, double alpha, List<PairwiseKappa> pairwise) {
        int[][] table = new int[3][3];
        int kept = 0;
        for (int i = 0; i < verdicts.get(0).size(); i++) {
            int r = category(verdicts.get(0).get(i)), c = category(verdicts.get(1).get(i));
            if (r >= 0 && c >= 0) { table[r][c]++; kept++; }
        }
        if (kept == 0) return new PanelAgreement("cohen", judges, 0, null, null, null, null, table, "no outcome was scored by both judges", pairwise);
        double observed = (table[0][0] + table[1][1] + table[2][2]) / (double) kept;
        try {
            CohenKappa k = CohenKappa.of(table, alpha);
            return new PanelAgreement("cohen", judges, kept, k.observed(), k.expected(), k.kappa(), k.interval(), table, null, pairwise);
        } catch (IllegalArgumentException e) {
            return new PanelAgreement("cohen", judges, kept, observed, 1.0, null, null, table, e.getMessage(), pairwise);
        }
    }

    private static PanelAgreement fleiss(List<String> judges, int[][] rows, double alpha, List<PairwiseKappa> pairwise) {
        if (rows.length == 0) return new PanelAgreement("fleiss", judges, 0, null, null, null, null, rows, "no outcome was scored by every judge", pairwise);
        try {
            FleissKappa k = FleissKappa.of(rows);
            return new PanelAgreement("fleiss", judges, rows.length, k.observed(), k.expected(), k.kappa(), FleissKappa.bootstrapInterval(rows, alpha),
                    rows, null, pairwise);
        } catch (IllegalArgumentException e) {
            return new PanelAgreement("fleiss", judges, rows.length, 1.0, 1.0, null, null, rows, e.getMessage(), pairwise);
        }
    }

    /** 0 = A, 1 = B, 2 = tie (an order-dependent verdict is scored as a tie); -1 = not scored. */
    static int category(Verdict v) {
        return switch (v) {
            case A -> 0;
            case B -> 1;
            case TIE, INCONSISTENT -> 2;
            case UNPARSEABLE, ERROR -> -1;
        };
    }
}
