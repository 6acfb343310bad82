package dev.promptarena.report.html;

import dev.promptarena.report.Fmt;
import dev.promptarena.stats.AxisResult;
import dev.promptarena.stats.Interval;
import java.util.List;

/**
 * One rubric axis: means of A and B on the 1-5 scale and the paired difference with its interval.
 *
 * @param axis      axis name
 * @param cases     cases scored on both sides
 * @param meanA     "4.65"
 * @param meanB     "4.38"
 * @param diff      "-0.26"
 * @param interval  "[-0.71, 0.18]"
 * @param method    "95% bootstrap-bca"
 * @param pRaw      Wilcoxon p
 * @param pHolm     Holm-adjusted p
 * @param pBh       Benjamini-Hochberg-adjusted p
 * @param effect    rank-biserial r
 * @param role      "exploratory"
 * @param plotted   false when the axis has no scored cases (no marks drawn)
 * @param aX        pixel of A's mean on the means chart
 * @param bX        pixel of B's mean
 * @param diffX     pixel of the difference on the difference chart
 * @param loX       pixel of the interval's lower bound
 * @param hiX       pixel of the interval's upper bound
 * @param zeroX     pixel of zero difference
 * @param better    "b" when the interval excludes 0 upward, "a" when downward, "" otherwise (colour only)
 */
public record AxisRowView(String axis, int cases, String meanA, String meanB, String diff, String interval, String method,
                          String pRaw, String pHolm, String pBh, String effect, String role, boolean plotted, String aX,
                          String bX, String diffX, String loX, String hiX, String zeroX, String better) {

    static final double W = 220, PAD = 18;
    /** The means chart spans the 1-5 score scale. */
    static final Scale MEANS = new Scale(1, 5, PAD, W - PAD);

    /** Ticks under both charts (the difference scale depends on the largest interval, see {@link #diffScale}). */
    static List<Tick> meanTicks() {
        return List.of(1.0, 2.0, 3.0, 4.0, 5.0).stream().map(v -> new Tick(MEANS.at(v), Fmt.num(v, 0))).toList();
    }

    static Scale diffScale(List<AxisResult> axes) {
        double m = 1;
        for (AxisResult x : axes) {
            if (x.difference() != null) m = Math.max(m, Math.max(Math.abs(x.difference().interval().lower()), Math.abs(x.difference().interval().upper())));
        }
        m = Math.min(4, Math.ceil(m));
        return new Scale(-m, m, PAD, W - PAD);
    }

    static List<Tick> diffTicks(Scale s) {
        double m = s.d1();
        return List.of(-m, -m / 2, 0.0, m / 2, m).stream().map(v -> new Tick(s.at(v), Fmt.signed(v, 1).replace("+0.0", "0"))).toList();
    }

    static AxisRowView of(AxisResult x, Scale diff) {
        Interval i = x.difference() == null ? null : x.difference().interval();
        boolean plotted = x.meanA() != null && x.meanB() != null && x.meanDifference() != null;
        String better = i == null ? "" : i.lower() > 0 ? "b" : i.upper() < 0 ? "a" : "";
        return new AxisRowView(x.axis(), x.cases(), Fmt.num(x.meanA(), 2), Fmt.num(x.meanB(), 2), Fmt.signed(x.meanDifference(), 2),
                Fmt.interval(i, 2), Fmt.method(i), Fmt.p(x.wilcoxon() == null ? null : x.wilcoxon().p()), Fmt.p(x.pHolm()),
                Fmt.p(x.pBenjaminiHochberg()), Fmt.signed(x.wilcoxon() == null ? null : x.wilcoxon().rankBiserial(), 2),
                Fmt.role(x.role()), plotted, MEANS.at(plotted ? x.meanA() : 1), MEANS.at(plotted ? x.meanB() : 1),
                diff.at(plotted ? x.meanDifference() : 0), diff.at(i == null ? 0 : i.lower()), diff.at(i == null ? 0 : i.upper()),
                diff.at(0), better);
    }
}
