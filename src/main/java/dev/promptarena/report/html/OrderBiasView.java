package dev.promptarena.report.html;

import dev.promptarena.report.Fmt;
import dev.promptarena.stats.Interval;
import dev.promptarena.stats.OrderBiasAnalysis;
import dev.promptarena.stats.OrderBiasResult;
import java.util.List;

/**
 * Position-bias panel: first-slot share with its interval against ½, B's win rate by slot, and
 * swap consistency when pairs were judged in both orders.
 *
 * @param design        how presentation order was assigned
 * @param firstShare    "45.5%"
 * @param interval      its interval
 * @param method        interval method
 * @param counts        "15 of 33 decisive votes picked the first slot"
 * @param p             binomial p against ½
 * @param pAdjusted     that p Holm-adjusted over the run's exploratory checks, which {@code significant} follows (shown
 *                      beside the raw p, so a raw p below alpha that is not called significant explains itself); null
 *                      when the order test does not apply
 * @param significant   the adjusted test says the judge prefers a slot
 * @param plotted       a first-slot share exists (marks drawn)
 * @param shareX        pixel of the share
 * @param loX           pixel of the lower bound
 * @param hiX           pixel of the upper bound
 * @param halfX         pixel of ½
 * @param ticks         0-100% ticks
 * @param bFirst        B's win rate when shown first
 * @param bFirstVotes   votes behind it
 * @param bFirstW       bar width
 * @param bSecond       B's win rate when shown second
 * @param bSecondVotes  votes behind it
 * @param bSecondW      bar width
 * @param bothOrders    pairs were judged in both orders (consistency numbers below apply)
 * @param pairs         such pairs
 * @param consistency   share with the same verdict both ways
 * @param flipRate      share whose winner flipped
 * @param fairness      preference fairness in [−1, 1]
 * @param warning       the analysis' warning, or null
 * @param role          "exploratory"
 */
public record OrderBiasView(String design, String firstShare, String interval, String method, String counts, String p,
                            String pAdjusted, boolean significant, boolean plotted, String shareX, String loX, String hiX, String halfX,
                            List<Tick> ticks, String bFirst, int bFirstVotes, String bFirstW, String bSecond, int bSecondVotes,
                            String bSecondW, boolean bothOrders, int pairs, String consistency, String flipRate,
                            String fairness, String warning, String role) {

    static OrderBiasView of(OrderBiasResult o) {
        Scale s = new Scale(0, 1, 20, 420);
        Scale bar = new Scale(0, 1, 0, 220);
        Interval i = o.firstShareInterval();
        return new OrderBiasView(o.design(), Fmt.pct(o.firstShare()), Fmt.pctInterval(i), Fmt.method(i),
                OrderBiasAnalysis.NOT_APPLICABLE.equals(o.design()) ? "Not applicable: the reference judge decides from checks and is shown no order"
                        : o.pickedFirst() + " of " + o.decisiveVotes() + " decisive votes picked the response shown first",
                Fmt.p(o.firstShareP()), o.firstSharePAdjusted() == null ? null : Fmt.p(o.firstSharePAdjusted()), o.significant(), o.firstShare() != null, s.at(o.firstShare() == null ? 0.5 : o.firstShare()),
                s.at(i == null ? 0.5 : i.lower()), s.at(i == null ? 0.5 : i.upper()), s.at(0.5), WinBarView.ticks(s),
                Fmt.pct(o.winRateBFirst()), o.votesBFirst(), bar.at(o.winRateBFirst() == null ? 0 : o.winRateBFirst()),
                Fmt.pct(o.winRateBSecond()), o.votesBSecond(), bar.at(o.winRateBSecond() == null ? 0 : o.winRateBSecond()),
                o.pairs() > 0, o.pairs(), Fmt.pct(o.positionConsistency()), Fmt.pct(o.flipRate()),
                Fmt.signed(o.preferenceFairness(), 2), o.warning(), Fmt.role(o.role()));
    }
}
