package dev.promptarena.stats.tournament;

import dev.promptarena.stats.ClusterBootstrap;
import java.util.ArrayList;
import java.util.List;

/**
 * The pairwise win-rate matrix: for each pair that played, the raw win rate (ties half) with a
 * {@link ClusterBootstrap} interval over the cases in which the pair met. Raw rates answer "how often did a beat b
 * here" and carry the position bias of an unbalanced order; the model column gives the position-free
 * Bradley–Terry probability next to it.
 */
public final class WinRateMatrix {
    private WinRateMatrix() {}

    /** One entry per pair a &lt; b that played at least once; {@code fit} may be null (model rates are then NaN). */
    public static List<PairWinRate> of(GameTable table, BradleyTerryFit fit, ClusterBootstrap bootstrap, double alpha) {
        int k = table.variants();
        List<PairWinRate> out = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                List<double[]> perCase = new ArrayList<>();
                int decisive = 0, firstWins = 0;
                for (int c = 0; c < table.cases(); c++) {
                    double[] row = table.row(c);
                    int ab = GameTable.cell(k, a, b, GameResult.FIRST), ba = GameTable.cell(k, b, a, GameResult.FIRST);
                    double aWins = row[ab] + row[ba + 1], bWins = row[ab + 1] + row[ba], tied = row[ab + 2] + row[ba + 2];
                    double games = aWins + bWins + tied;
                    if (games == 0) continue;
                    perCase.add(new double[] {aWins + tied / 2, games});
                    decisive += (int) (aWins + bWins);
                    firstWins += (int) (row[ab] + row[ba]);
                }
                if (perCase.isEmpty()) continue;
                double[] num = perCase.stream().mapToDouble(x -> x[0]).toArray();
                double[] den = perCase.stream().mapToDouble(x -> x[1]).toArray();
                int games = (int) java.util.Arrays.stream(den).sum();
                out.add(new PairWinRate(a, b, games, bootstrap.ratio(num, den, alpha), fit == null ? Double.NaN : fit.winProbability(a, b), decisive, firstWins));
            }
        }
        return out;
    }
}
