package dev.promptarena.stats.tournament;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Games aggregated per case into counts by cell (first variant, second variant, result). The Bradley–Terry
 * likelihood depends on the games only through these counts, so the fit and every bootstrap refit work on
 * {@code k·k·3} numbers however many games there are; a bootstrap resample of cases is a sum of case rows.
 */
public final class GameTable {
    private final int variants;
    private final List<String> caseIds;
    private final double[][] rows;

    private GameTable(int variants, List<String> caseIds, double[][] rows) {
        this.variants = variants;
        this.caseIds = List.copyOf(caseIds);
        this.rows = rows;
    }

    /** Aggregates games; cases keep the order of their first game. */
    public static GameTable of(int variants, List<Game> games) {
        if (variants < 2) throw new IllegalArgumentException("need at least 2 variants, got: " + variants);
        if (games.isEmpty()) throw new IllegalArgumentException("no games");
        Map<String, double[]> byCase = new LinkedHashMap<>();
        for (Game g : games) {
            if (g.first() >= variants || g.second() >= variants) {
                throw new IllegalArgumentException("variant index out of range 0.." + (variants - 1) + ": " + g);
            }
            byCase.computeIfAbsent(g.caseId(), c -> new double[cells(variants)])[cell(variants, g.first(), g.second(), g.result())]++;
        }
        return new GameTable(variants, new ArrayList<>(byCase.keySet()), byCase.values().toArray(double[][]::new));
    }

    /** Number of cells of a table over {@code k} variants. */
    static int cells(int k) { return k * k * 3; }

    /** Index of a cell in a case row. */
    static int cell(int k, int first, int second, GameResult result) { return (first * k + second) * 3 + result.ordinal(); }

    public int variants() { return variants; }

    public int cases() { return rows.length; }

    public List<String> caseIds() { return caseIds; }

    /** Counts of case {@code c} (a copy-free view: callers must not modify it). */
    double[] row(int c) { return rows[c]; }

    /** Counts summed over all cases. */
    public double[] totals() {
        double[] t = new double[cells(variants)];
        for (double[] r : rows) for (int i = 0; i < t.length; i++) t[i] += r[i];
        return t;
    }
}
