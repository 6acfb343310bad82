package dev.promptarena.stats;

import java.util.Locale;

/**
 * The judge panel's warnings on the analysis code over many runs ({@link PanelVotes}): each judge's own order warning
 * (Holm over the panel) under no bias and with one biased judge, the low-agreement warning against the true kappa,
 * and the instability warning against the true stability. Prints Markdown tables for docs/statistics.md.
 * Usage: {@code PanelWarningSweep RUNS} (bench/panel-validity.sh runs it).
 */
public final class PanelWarningSweep {
    private PanelWarningSweep() {}

    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        System.out.println("| panel | cases | runs | some judge's order warning | biased judge named |");
        System.out.println("|---|---|---|---|---|");
        for (int judges : new int[] {2, 3, 5}) {
            for (int n : new int[] {50, 200}) {
                double nul = PanelVotes.unbiased(judges, n, 0).warningRate("Judge ", 1, runs);
                double[] q = new double[judges];
                q[judges - 1] = 0.3;
                double named = new PanelVotes(judges, n, 0.8, q, 1, 0).warningRate("Judge j" + judges + " picked", 1, runs);
                System.out.println(String.format(Locale.ROOT, "| %d judges, none biased / last with position bias 0.3 | %d | %d | %s | %s |",
                        judges, n, runs, pct(nul), pct(named)));
            }
        }
        System.out.println();
        System.out.println("| true kappa | cases | runs | low-agreement warning, 2 judges (Cohen, Wald upper bound < 0.4) | 3 judges (Fleiss, bootstrap upper bound < 0.4) |");
        System.out.println("|---|---|---|---|---|");
        for (double kappa : new double[] {0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8}) {
            for (int n : new int[] {30, 100, 200}) {
                double two = PanelVotes.unbiased(2, n, Math.sqrt(kappa)).warningRate("The judges agree little", 1, runs);
                double three = PanelVotes.unbiased(3, n, Math.sqrt(kappa)).warningRate("The judges agree little", 1, runs);
                System.out.println(String.format(Locale.ROOT, "| %.2f | %d | %d | %s | %s |", kappa, n, runs, pct(two), pct(three)));
            }
        }
        System.out.println();
        System.out.println("| true stability (3 samples) | cases | runs | instability warning (stability < 0.8) |");
        System.out.println("|---|---|---|---|");
        for (double flip : new double[] {0, 0.03, 0.05, 0.07, 0.1, 0.2}) {
            double stability = Math.pow(1 - flip, 3) + Math.pow(flip, 3);
            for (int n : new int[] {30, 200}) {
                double rate = new PanelVotes(1, n, 1, new double[1], 3, flip).warningRate("Judge j1 gave the same winner", 1, runs);
                System.out.println(String.format(Locale.ROOT, "| %.3f | %d | %d | %s |", stability, n, runs, pct(rate)));
            }
        }
    }

    private static String pct(double v) { return String.format(Locale.ROOT, "%.1f%%", 100 * v); }
}
