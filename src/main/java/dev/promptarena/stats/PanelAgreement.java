package dev.promptarena.stats;

import java.util.List;

/**
 * Agreement between the judges of a panel on the outcome level (exploratory). Each judge's verdict on
 * an outcome is its own combined verdict (its samples and orders) in three categories: A, B and tie
 * (an order-dependent verdict is scored as a tie, so it counts as one here). Only outcomes every judge
 * gave a scored verdict on are compared.
 *
 * @param method    {@code cohen} for two judges, {@code fleiss} for three or more
 * @param judges    the judges compared, in panel order
 * @param items     outcomes compared
 * @param observed  observed agreement (Cohen: share of identical verdicts; Fleiss: mean pairwise agreement P̄)
 * @param expected  chance agreement
 * @param kappa     Cohen's or Fleiss' kappa; null when undefined (every verdict in one category) or no items
 * @param interval  Wald interval of Cohen's kappa; Fleiss: percentile bootstrap over outcomes ({@link FleissKappa#bootstrapInterval})
 * @param table     Cohen: 3 × 3 table (rows first judge, columns second, order A, B, tie); Fleiss: per-item counts
 * @param note      why kappa is missing, or null
 * @param pairwise  Cohen's kappa for every pair of judges (one entry with two judges)
 */
public record PanelAgreement(String method, List<String> judges, int items, Double observed, Double expected, Double kappa,
                             Interval interval, int[][] table, String note,
                             List<PairwiseKappa> pairwise) {
    /** The categories of {@link #table}, in order. */
    public static final List<String> CATEGORIES = List.of("A", "B", "tie");

    public PanelAgreement {
        judges = List.copyOf(judges);
        pairwise = List.copyOf(pairwise);
    }
}
