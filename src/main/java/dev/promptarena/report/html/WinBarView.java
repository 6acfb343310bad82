package dev.promptarena.report.html;

import dev.promptarena.report.Fmt;
import dev.promptarena.stats.Interval;
import dev.promptarena.stats.WinRateResult;
import java.util.List;

/**
 * The win / tie / loss bar and the win rate with its gate interval against the threshold.
 *
 * @param present     false when nothing was scored (the chart is replaced by a note)
 * @param winsX       start of the B-won segment; the other segments follow
 * @param winsW       widths of the segments in pixels (ties include inconsistent verdicts)
 * @param tiesX       start of the tie segment
 * @param tiesW       width of the tie segment
 * @param lossesX     start of the loss segment
 * @param lossesW     width of the loss segment
 * @param winsLabel   "27 B won (79.4%)"
 * @param tiesLabel   ties and inconsistent
 * @param lossesLabel losses
 * @param rateX       pixel of the win rate
 * @param loX         pixel of the interval's lower bound
 * @param hiX         pixel of the interval's upper bound
 * @param thresholdX  pixel of the decision threshold
 * @param ticks       0, 25, 50, 75, 100%
 * @param winRate     "80.9%"
 * @param interval    "[64.8%, 90.7%]"
 * @param method      "95% wilson"
 * @param threshold   "50.0%"
 * @param counts      the counts behind the bar in one sentence
 * @param role        "primary"
 * @param decides     under a sequential design, which interval the decision uses instead ({@link
 *                    dev.promptarena.report.DecisionInterval}), else null
 */
public record WinBarView(boolean present, String winsX, String winsW, String tiesX, String tiesW, String lossesX,
                         String lossesW, String winsLabel, String tiesLabel, String lossesLabel, String rateX, String loX,
                         String hiX, String thresholdX, List<Tick> ticks, String winRate, String interval, String method,
                         String threshold, String counts, String role, String decides) {

    static final double LEFT = 20, RIGHT = 700;

    static WinBarView of(WinRateResult w, double threshold) { return of(w, threshold, "", null); }

    /**
     * @param failures {@link dev.promptarena.report.GenerationErrors#sentence()} and
     *                 {@link dev.promptarena.report.JudgeErrors#sentence()}, appended to the counts
     * @param decides  see {@link #decides()}
     */
    static WinBarView of(WinRateResult w, double threshold, String failures, String decides) {
        Scale s = new Scale(0, 1, LEFT, RIGHT);
        int n = Math.max(1, w.scored());
        double fw = w.wins() / (double) n, ft = (w.ties() + w.inconsistent()) / (double) n, fl = w.losses() / (double) n;
        Interval i = w.gateInterval();
        String counts = w.outcomes() + " outcomes, " + w.scored() + " scored: B won " + w.wins() + ", lost " + w.losses() + ", "
                + w.ties() + " ties, " + w.inconsistent() + " inconsistent (scored as ties); " + w.unparseable() + " unparseable and "
                + w.errors() + " errors not scored." + (failures.isEmpty() ? "" : " " + failures) + " Sign test p = " + Fmt.p(w.signTestP()) + "."
                + (w.positionAdjusted() ? " The win rate is the mean of B's win rate when shown first and when shown second"
                        + " (raw " + Fmt.pct(w.winRate()) + ")." : "")
                + " Conservative Wilson interval " + Fmt.pctInterval(w.wilson()) + ".";
        return new WinBarView(w.scored() > 0, s.at(0), Scale.fmt(s.px(fw) - LEFT), s.at(fw), Scale.fmt(s.px(fw + ft) - s.px(fw)),
                s.at(fw + ft), Scale.fmt(s.px(fw + ft + fl) - s.px(fw + ft)),
                w.wins() + " B won (" + Fmt.pct(fw) + ")", (w.ties() + w.inconsistent()) + " tie (" + Fmt.pct(ft) + ")",
                w.losses() + " B lost (" + Fmt.pct(fl) + ")", s.at(w.estimate() == null ? 0 : w.estimate()),
                s.at(i == null ? 0 : i.lower()), s.at(i == null ? 0 : i.upper()), s.at(threshold), ticks(s),
                Fmt.pct(w.estimate()), Fmt.pctInterval(i), Fmt.method(i), Fmt.pct(threshold), counts, Fmt.role(w.role()), decides);
    }

    static List<Tick> ticks(Scale s) {
        return List.of(0.0, 0.25, 0.5, 0.75, 1.0).stream().map(v -> new Tick(s.at(v), Fmt.pct(v).replace(".0%", "%"))).toList();
    }
}
