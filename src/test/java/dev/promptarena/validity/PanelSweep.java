package dev.promptarena.validity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The judge panel's warnings over many seeds ({@link PanelArena}, n = 200 cases, alpha = 0.05): each judge's own
 * order warning, the low-agreement (kappa below 0.4) and instability (stability below 0.8) warnings, under panels
 * where each condition holds and where it does not. Prints a Markdown table for docs/statistics.md.
 * Usage: {@code PanelSweep SEEDS [WORK_DIR]} (bench/panel-validity.sh builds and runs it).
 */
public final class PanelSweep {
    private static final int N = 200;

    /** One panel setting: its label, the judges' options, the odd judge's options (or null), size, samples, one model. */
    record Panel(String name, String options, String oddOptions, int judges, int samples, boolean identical, String truth) {}

    /** Stability with 3 samples is p³ + (1 − p)³ for a judge that prefers B with probability p on each sample. */
    static final List<Panel> ALL = List.of(
            new Panel("3 independent judges, no preference", "judge: preference", null, 3, 1, false, "kappa 0, no position bias"),
            new Panel("3 independent judges, preference 0.9", "judge: preference, preference: 0.9", null, 3, 1, false,
                    "kappa 0, no position bias"),
            new Panel("3 judges of one model, preference 0.6", "judge: preference, preference: 0.6", null, 3, 1, true,
                    "kappa 1, no position bias"),
            new Panel("5 independent judges, preference 0.6", "judge: preference, preference: 0.6", null, 5, 1, false,
                    "kappa 0, no position bias"),
            new Panel("3 judges, the third with position bias 0.3", "judge: preference, preference: 0.6",
                    "judge: preference, preference: 0.6, position_bias: 0.3", 3, 1, false, "third judge position-biased"),
            new Panel("2 judges, preference 0.97, 3 samples", "judge: preference, preference: 0.97", null, 2, 3, false, "stability 0.91"),
            new Panel("2 judges, preference 0.5, 3 samples", "judge: preference", null, 2, 3, false, "stability 0.25"));

    private PanelSweep() {}

    public static void main(String[] args) throws IOException {
        int seeds = Integer.parseInt(args[0]);
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("panel-sweep");
        PanelArena arena = new PanelArena(new SimArena(Files.createDirectories(work.resolve("data")), N, 0));
        System.out.println("| panel | truth | runs | mean kappa | any judge's own order warning | odd judge's order warning"
                + " | low agreement (kappa < 0.4) | unstable judge (stability < 0.8) | panel order warning |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Panel p : ALL) {
            long started = System.nanoTime();
            PanelRates r = PanelRates.measure(arena, p.options(), p.oddOptions(), p.judges(), p.samples(), p.identical(), 20_000, seeds);
            System.out.println(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %s | %s | %s | %s | %s |", p.name(), p.truth(), r.runs,
                    r.meanKappa(), pct(r.rate(r.judgeOrderWarnings)), p.oddOptions() == null ? "–" : pct(r.rate(r.oddJudgeOrderWarnings)),
                    pct(r.rate(r.lowAgreement)), pct(r.rate(r.unstable)), pct(r.rate(r.panelOrderWarnings))));
            System.err.printf(Locale.ROOT, "%s: %d runs in %.0f s%n", p.name(), r.runs, (System.nanoTime() - started) / 1e9);
        }
    }

    private static String pct(double v) { return String.format(Locale.ROOT, "%.1f%%", 100 * v); }
}
