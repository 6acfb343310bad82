package dev.promptarena.validity;

import dev.promptarena.analysis.AnalysisResult;

/**
 * What {@code runs} simulated panel runs warned about (the judge panel's warnings, recognised by their first words):
 * any judge's own order warning, the low-agreement warning, the instability warning, and the panel's order warning.
 */
public final class PanelRates {
    public int runs, judgeOrderWarnings, oddJudgeOrderWarnings, lowAgreement, unstable, panelOrderWarnings;
    public double kappaSum;

    /** Runs {@code seeds} seeds from {@code firstSeed}; the settings as in {@link PanelArena#run(String, String, int, int, boolean, long)}. */
    static PanelRates measure(PanelArena arena, String options, String oddOptions, int judges, int samples, boolean identical,
                              long firstSeed, int seeds) {
        PanelRates r = new PanelRates();
        for (long s = firstSeed; s < firstSeed + seeds; s++) r.add(arena.run(options, oddOptions, judges, samples, identical, s), judges);
        return r;
    }

    void add(AnalysisResult a, int judges) {
        runs++;
        judgeOrderWarnings += a.warnings().stream().anyMatch(w -> w.startsWith("Judge ") && w.contains(" picked the response shown first")) ? 1 : 0;
        oddJudgeOrderWarnings += a.warnings().stream().anyMatch(w -> w.startsWith("Judge sim-judge-" + judges + " picked the response shown first")) ? 1 : 0;
        lowAgreement += a.warnings().stream().anyMatch(w -> w.startsWith("The judges agree little beyond chance")) ? 1 : 0;
        unstable += a.warnings().stream().anyMatch(w -> w.startsWith("Judge ") && w.contains(" gave the same winner in all ")) ? 1 : 0;
        panelOrderWarnings += a.warnings().stream().anyMatch(w -> w.startsWith("The judge picked the response shown first")) ? 1 : 0;
        kappaSum += a.judgePanel().agreement() == null || a.judgePanel().agreement().kappa() == null ? Double.NaN
                : a.judgePanel().agreement().kappa();
    }

    public double rate(int count) { return count / (double) runs; }

    public double meanKappa() { return kappaSum / runs; }

    /** Binomial standard error of a rate near {@code p} over these runs. */
    public double se(double p) { return Math.sqrt(p * (1 - p) / runs); }
}
