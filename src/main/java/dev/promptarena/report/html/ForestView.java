package dev.promptarena.report.html;

import dev.promptarena.report.Fmt;
import dev.promptarena.stats.SegmentResult;
import dev.promptarena.stats.SegmentsResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The segment forest plot: one row per tag value with B's win rate and its Wilson interval.
 *
 * @param rows      one per segment, in the analysis' order (keys, then values, sorted)
 * @param height    SVG height
 * @param halfX     pixel of 50%
 * @param overallX  pixel of the overall win rate
 * @param overall   the overall win rate, "80.9%"
 * @param ticks     0-100% ticks
 * @param axisY     y of the tick labels
 * @param minN      scored outcomes below which a segment is flagged too small
 * @param simpson   a Simpson's-paradox or mix-shift check fired
 * @param warnings  what those checks found
 * @param role      "exploratory"
 */
public record ForestView(List<Row> rows, String height, String halfX, String overallX, String overall, List<Tick> ticks,
                         String axisY, int minN, boolean simpson, List<String> warnings, String role) {

    static final double ROW = 24, TOP = 10;

    /**
     * One segment.
     *
     * @param label    "category = billing"
     * @param n        scored outcomes
     * @param rate     win rate text
     * @param interval interval text
     * @param pBh      BH-adjusted p
     * @param tooSmall flagged too small
     * @param plotted  something was scored (marks drawn)
     * @param y        row centre
     * @param textY    baseline of the row's text
     * @param x        pixel of the win rate
     * @param loX      pixel of the lower bound
     * @param hiX      pixel of the upper bound
     */
    public record Row(String label, int n, String rate, String interval, String pBh, boolean tooSmall, boolean plotted,
                      String y, String textY, String x, String loX, String hiX) {}

    static ForestView of(SegmentsResult seg, Double overall) {
        Scale s = new Scale(0, 1, 300, 620);
        List<Row> rows = new ArrayList<>();
        int k = 0;
        for (SegmentResult r : seg.segments()) {
            double y = TOP + ROW * k++ + ROW / 2;
            boolean plotted = r.winRate() != null && r.wilson() != null;
            rows.add(new Row(r.key() + " = " + r.value(), r.scored(), Fmt.pct(r.winRate()), Fmt.pctInterval(r.wilson()),
                    Fmt.p(r.pBenjaminiHochberg()), r.tooSmall(), plotted, Scale.fmt(y), Scale.fmt(y + 4),
                    s.at(plotted ? r.winRate() : 0.5), s.at(plotted ? r.wilson().lower() : 0.5), s.at(plotted ? r.wilson().upper() : 0.5)));
        }
        double bottom = TOP + ROW * rows.size();
        return new ForestView(rows, Scale.fmt(bottom + 30), s.at(0.5), s.at(overall == null ? 0.5 : overall), Fmt.pct(overall),
                WinBarView.ticks(s), Scale.fmt(bottom + 18), seg.minN(), seg.simpson(), seg.warnings(), Fmt.role(seg.role()));
    }
}
