package dev.promptarena.validity;

import dev.promptarena.decision.Outcome;
import dev.promptarena.stats.SampleSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The large sweep behind docs/statistics.md's table of measured rates: every {@link Personality} over many seeds,
 * n = 200 cases per run, alpha = 0.05, {@code axis_drop_max: 0.0}, through the real pipeline ({@link SimArena}).
 * Prints a Markdown table.
 * Usage: {@code ValiditySweep SEEDS [WORK_DIR [NAME_PART]]} (bench/validity.sh builds and runs it); with NAME_PART only the
 * personalities whose name contains it.
 */
public final class ValiditySweep {
    private static final int N = 200;
    /** Every run carries the strictest axis guardrail: no drop at all (harm_proven at the default 0.025). */
    static final String GUARDRAIL = "guardrails: {axis_drop_max: 0.0}";

    private ValiditySweep() {}

    public static void main(String[] args) throws IOException {
        int seeds = Integer.parseInt(args[0]);
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("validity-sweep");
        System.out.println("| judge | runs | PASS | FAIL | INCONCLUSIVE | mean estimate (truth) | plan power | order warning"
                + " | verbosity warning | loud length warning | segment reversal | any exploratory | silent PASS"
                + " | axis guardrail breach (harm_proven) | same, point estimate |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Personality p : Personality.ALL) {
            if (args.length > 2 && !p.name().contains(args[2])) continue;
            SimArena arena = new SimArena(Files.createDirectories(work.resolve(p.name().replaceAll("[^a-z0-9]+", "-"))), N, p.extraWords());
            long started = System.nanoTime();
            SimRates r = SimRates.measure(arena, p, N, GUARDRAIL, 10_000, seeds);
            String plan = Double.isNaN(p.trueWinRate()) || p.trueWinRate() == 0.5 || p.trueWinRate() >= 1 ? "–"
                    : pct(SampleSize.winRatePower(N, p.trueWinRate(), 0, 0.5, 0.05));
            System.out.println(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %.4f (%s) | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
                    p.name(), r.runs, pct(r.rate(Outcome.PASS)), pct(r.rate(Outcome.FAIL)), pct(r.rate(Outcome.INCONCLUSIVE)),
                    r.meanEstimate(), Double.isNaN(p.trueWinRate()) ? "–" : String.format(Locale.ROOT, "%.2f", p.trueWinRate()), plan,
                    pct(r.rate(r.orderWarnings)), pct(r.rate(r.verbosityWarnings)), pct(r.rate(r.loudVerbosity)),
                    pct(r.rate(r.reversals)), pct(r.rate(r.anyExploratory)), pct(r.rate(r.silentPass)),
                    pct(r.rate(r.guardrailBreaches)), pct(r.rate(r.pointBreaches))));
            System.err.printf(Locale.ROOT, "%s: %d runs in %.0f s%n", p.name(), r.runs, (System.nanoTime() - started) / 1e9);
        }
    }

    private static String pct(double v) { return String.format(Locale.ROOT, "%.1f%%", 100 * v); }
}
