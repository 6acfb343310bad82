package dev.promptarena.compare;

import dev.promptarena.report.Fmt;
import dev.promptarena.stats.MeanDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A comparison as titled tables of text cells, the one layout both compare.md and compare.html render
 * (each escapes the cells for its own format).
 */
final class CompareTables {
    /** One table; {@code note} is shown under the title (may be empty). */
    record Table(String title, String note, List<String> headers, List<List<String>> rows) {}

    private CompareTables() {}

    static List<Table> of(Comparison c) {
        List<Table> out = new ArrayList<>();
        String design = c.paired() ? "paired by case id over " + c.sharedCases() + " shared cases" : "unpaired (the runs share fewer than two cases)";
        if (c.onlyFirst() + c.onlySecond() > 0) design += "; " + c.onlyFirst() + " case(s) only in the first run, " + c.onlySecond() + " only in the second";
        out.add(new Table("Win rate of B (ties half)", design, List.of("", "run 1", "run 2", "change", interval(c), "p"),
                List.of(List.of("win rate", Fmt.pct(c.winRateFirst()), Fmt.pct(c.winRateSecond()), signedPct(c.winRate().estimate()),
                        c.winRate().interval() == null ? Fmt.NONE : Fmt.signed(c.winRate().interval().lower() * 100, 1) + " to "
                                + Fmt.signed(c.winRate().interval().upper() * 100, 1) + " pts", Fmt.p(nan(c.winRate().p()))))));
        List<List<String>> axes = new ArrayList<>();
        for (Comparison.AxisDelta a : c.axes()) {
            MeanDifference d = a.delta();
            axes.add(List.of(a.axis(), Fmt.signed(d.estimate(), 2), d.interval() == null ? Fmt.NONE : Fmt.interval(d.interval(), 2),
                    Fmt.p(nan(d.p())), Fmt.p(a.pHolm())));
        }
        out.add(new Table("Axes: change of B − A (exploratory)", "positive: B gained on A since the first run",
                List.of("axis", "change", interval(c), "p", "p (Holm)"), axes));
        List<List<String>> flips = c.flips().stream().map(f -> List.of(f.caseId(), f.from() + " → " + f.to())).toList();
        out.add(new Table("Cases that flipped", flips.isEmpty() ? "none" : c.flips().stream().filter(f -> f.to().equals("loss")).count()
                + " win → loss, " + c.flips().stream().filter(f -> f.to().equals("win")).count() + " loss → win", List.of("case", "B's result"), flips));
        List<List<String>> checks = new ArrayList<>();
        for (Comparison.CheckChange ch : c.checks()) {
            checks.add(List.of(ch.variant(), ch.check(), Fmt.pct(ch.passRateFirst()), Fmt.pct(ch.passRateSecond()),
                    ch.newlyFailing().isEmpty() ? "none" : ch.newlyFailing().size() + ": " + String.join(", ", ch.newlyFailing().subList(0, Math.min(10, ch.newlyFailing().size())))
                            + (ch.newlyFailing().size() > 10 ? ", …" : "")));
        }
        out.add(new Table("Checks", checks.isEmpty() ? "the rubric has no checks" : "", List.of("variant", "check", "pass rate, run 1", "pass rate, run 2", "new failures (passed in run 1, fail in run 2)"), checks));
        List<List<String>> ops = new ArrayList<>();
        for (Comparison.MetricDelta m : c.operations()) {
            ops.add(List.of(m.name(), op(m.name(), m.first(), false), op(m.name(), m.second(), false), op(m.name(), m.delta(), true)));
        }
        out.add(new Table("Cost, latency, length", "", List.of("metric", "run 1", "run 2", "change"), ops));
        out.add(new Table("Judging", c.judgingDifferences().isEmpty() ? "judged the same way in both runs" : "WARNING: the runs were judged differently, so their results are not comparable",
                List.of("difference"), c.judgingDifferences().stream().map(List::of).toList()));
        return out;
    }

    /** report.json's operation figures in their units: dollars, milliseconds, words, rates. */
    private static String op(String name, Double v, boolean signed) {
        if (v == null || v.isNaN()) return Fmt.NONE;
        String sign = signed && v > 0 ? "+" : "";
        if (name.startsWith("cost") || name.endsWith("Usd")) return (signed && v < 0 ? "-" : sign) + Fmt.usd(Math.abs(v));
        if (name.startsWith("latency")) return sign + Fmt.num(v, 0) + " ms";
        if (name.endsWith("Rate")) return signed ? Fmt.signed(v * 100, 1) + " pts" : Fmt.pct(v);
        return sign + Fmt.num(v, 1);
    }

    private static String interval(Comparison c) { return String.format(Locale.ROOT, "%.0f%% interval", 100 * (1 - c.alpha())); }

    private static String signedPct(double v) { return Fmt.signed(v * 100, 1) + " pts"; }

    private static Double nan(double v) { return Double.isNaN(v) ? null : v; }
}
