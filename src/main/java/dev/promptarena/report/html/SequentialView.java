package dev.promptarena.report.html;

import dev.promptarena.analysis.SequentialResult;
import dev.promptarena.report.Fmt;
import dev.promptarena.stats.sequential.Boundaries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sequential section of a run (issue 16): the interval the decision uses (the repeated confidence interval of
 * the last look, or the anytime method's confidence sequence), stated in words because the win-rate panel above
 * shows the fixed-sample interval, which assumes a single look; and for a group-sequential design the boundary plot:
 * the registered efficacy, harm and futility boundaries at every planned look and the statistic at each look
 * reached, on the z scale against the information fraction, with each look's repeated interval in the table.
 *
 * @param status     the sequential status ("stopped_efficacy", "continue", ...)
 * @param design     "group sequential" or "anytime-valid confidence sequence"
 * @param decides    "95% repeated confidence interval [55.2%, 86.0%]", or null before any interval
 * @param adjusted   the median-unbiased win rate at a group-sequential stop ("70.5%"), or null
 * @param overRun    cases finished after the stop, left out of the decision (null for none)
 * @param plot       a group-sequential design: the boundary plot and the per-look table follow
 * @param efficacy   SVG polyline points of the efficacy boundary
 * @param harm       polyline points of the harm boundary ("" for a one-sided design)
 * @param futility   polyline points of the futility boundary ("" without futility)
 * @param zPath      polyline points of the statistic at the looks reached
 * @param dots       one marker per look reached
 * @param rows       one table row per look reached
 * @param zeroY      pixel of z = 0
 */
public record SequentialView(String status, String design, String decides, String adjusted, Integer overRun, boolean plot, String efficacy, String harm, String futility, String zPath, List<Dot> dots,
                             List<Row> rows, String zeroY) {
    /** A look's statistic on the plot. */
    public record Dot(String x, String y, String label) {}

    /** A look in the table. */
    public record Row(int look, long cases, String z, String efficacy, String harm, String futility, String action, String winRate,
                      String repeated) {}

    static final double LEFT = 40, RIGHT = 700, TOP = 10, BOTTOM = 190;

    /** Null for a fixed design; an anytime design has no boundaries to plot, only its interval. */
    static SequentialView of(SequentialResult s) {
        if (s == null) return null;
        String decides = s.interval() == null ? null : Fmt.method(s.interval()) + " " + Fmt.pctInterval(s.interval());
        String adjusted = s.adjustedWinRate() == null ? null : Fmt.pct(s.adjustedWinRate());
        if (s.registration().boundaries() == null) {
            return new SequentialView(s.status(), "anytime-valid confidence sequence", decides, adjusted, s.overRun() > 0 ? s.overRun() : null, false, "", "", "", "",
                    List.of(), List.of(), "0");
        }
        Boundaries b = s.registration().boundaries();
        double max = 1;
        for (double e : b.efficacy()) max = Math.max(max, Math.min(6, e));
        for (SequentialResult.Look l : s.looks()) max = Math.max(max, Math.min(6, Math.abs(l.z())));
        Scale x = new Scale(0, 1, LEFT, RIGHT);
        Scale y = new Scale(-max - 0.5, max + 0.5, BOTTOM, TOP);
        List<Dot> dots = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        StringBuilder z = new StringBuilder();
        for (SequentialResult.Look l : s.looks()) {
            double t = b.fractions().get(l.look() - 1);
            String label = String.format(Locale.ROOT, "look %d: z = %.2f, efficacy %.2f", l.look(), l.z(), l.efficacy());
            dots.add(new Dot(x.at(t), y.at(l.z()), label));
            z.append(x.at(t)).append(',').append(y.at(l.z())).append(' ');
            rows.add(new Row(l.look(), l.cases(), num(l.z()), num(l.efficacy()), l.harm() == null ? "—" : num(l.harm()),
                    l.futility() == null ? "—" : num(l.futility()), l.action(), String.format(Locale.ROOT, "%.3f", l.winRate()),
                    Fmt.pctInterval(l.repeated())));
        }
        return new SequentialView(s.status(), "group sequential", decides, adjusted, s.overRun() > 0 ? s.overRun() : null, true, line(b.fractions(), b.efficacy(), x, y), line(b.fractions(), b.lower(), x, y),
                line(b.fractions(), b.futility(), x, y), z.toString().trim(), dots, rows, y.at(0));
    }

    private static String line(List<Double> t, List<Double> v, Scale x, Scale y) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.size(); i++) out.append(x.at(t.get(i))).append(',').append(y.at(v.get(i))).append(' ');
        return out.toString().trim();
    }

    private static String num(double v) { return String.format(Locale.ROOT, "%.3f", v); }
}
