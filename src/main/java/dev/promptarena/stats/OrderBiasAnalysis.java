package dev.promptarena.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes {@link OrderBiasResult}. Votes of the reference judge ({@link #REFERENCE_JUDGE}) are left
 * out: it reads no presentation order, so position bias is not defined for it. When it cast every
 * vote, the design is {@link #NOT_APPLICABLE} and there is no warning.
 */
public final class OrderBiasAnalysis {
    /** Judge id of the model-free reference judge (judge.ReferenceJudge), whose votes have no order. */
    public static final String REFERENCE_JUDGE = "reference";
    /** Design reported when only the reference judge voted. */
    public static final String NOT_APPLICABLE = "not-applicable";

    private OrderBiasAnalysis() {}

    /** @param alpha significance level of the bias test and 1 − level of its interval */
    public static OrderBiasResult analyze(List<JudgedOutcome> judged, double alpha) {
        int decisive = 0, first = 0, nBFirst = 0, nBSecond = 0, pairs = 0, consistent = 0, flips = 0, favFirst = 0, favSecond = 0;
        double ptsBFirst = 0, ptsBSecond = 0;
        boolean anyBFirst = false, anyBSecond = false, allPaired = true, anyReference = false;
        for (JudgedOutcome j : judged) {
            if (j.verdict() == Verdict.ERROR) continue;
            Map<String, Map<Boolean, List<Verdict>>> samples = new TreeMap<>();
            for (Vote v : j.outcome().votes()) {
                if (REFERENCE_JUDGE.equals(v.judge())) { anyReference = true; continue; }
                if (v.winner() == Winner.UNPARSEABLE) continue;
                double pts = v.winner() == Winner.B ? 1 : v.winner() == Winner.TIE ? 0.5 : 0;
                if (v.bFirst()) { nBFirst++; ptsBFirst += pts; anyBFirst = true; }
                else { nBSecond++; ptsBSecond += pts; anyBSecond = true; }
                if (v.decisive()) {
                    decisive++;
                    if (v.pickedFirst()) first++;
                }
                samples.computeIfAbsent(v.judge() + "\u0000" + v.sample(), k -> new TreeMap<>())
                        .computeIfAbsent(v.bFirst(), k -> new ArrayList<>()).add(Verdict.valueOf(v.winner().name()));
            }
            for (Map<Boolean, List<Verdict>> orders : samples.values()) {
                if (orders.size() < 2) { allPaired = false; continue; }
                pairs++;
                Verdict whenBFirst = VerdictCombiner.plurality(orders.get(true));
                Verdict whenBSecond = VerdictCombiner.plurality(orders.get(false));
                if (whenBFirst == whenBSecond) { consistent++; continue; }
                if (whenBFirst != Verdict.TIE && whenBSecond != Verdict.TIE) flips++;
                // Slot picks: B chosen while first or A chosen while first (i.e. when B was second).
                int firstPicks = (whenBFirst == Verdict.B ? 1 : 0) + (whenBSecond == Verdict.A ? 1 : 0);
                int secondPicks = (whenBFirst == Verdict.A ? 1 : 0) + (whenBSecond == Verdict.B ? 1 : 0);
                if (firstPicks > secondPicks) favFirst++;
                else if (secondPicks > firstPicks) favSecond++;
            }
        }
        String design = !anyBFirst && !anyBSecond ? (anyReference ? NOT_APPLICABLE : "none") : !anyBSecond ? "fixed-b-first" : !anyBFirst ? "fixed-a-first"
                : allPaired ? "both" : "randomized";
        boolean varied = anyBFirst && anyBSecond;
        Double share = decisive == 0 ? null : first / (double) decisive;
        Interval interval = decisive == 0 ? null : WilsonScore.interval(first, decisive, alpha);
        double p = SignTest.binomialP(first, decisive, 0.5);
        boolean significant = varied && decisive > 0 && p < alpha;
        int inconsistent = pairs - consistent;
        return new OrderBiasResult(Evidence.EXPLORATORY, design, decisive, first, share, interval, p, significant,
                nBFirst, nBFirst == 0 ? null : ptsBFirst / nBFirst, nBSecond, nBSecond == 0 ? null : ptsBSecond / nBSecond,
                pairs, pairs == 0 ? null : consistent / (double) pairs, pairs == 0 ? null : flips / (double) pairs,
                inconsistent, favFirst, favSecond, inconsistent == 0 ? null : (favFirst - favSecond) / (double) inconsistent,
                warning(design, share, interval, p, significant));
    }

    private static String warning(String design, Double share, Interval ci, double p, boolean significant) {
        if (design.startsWith("fixed")) {
            return "Every pair was shown in the same order (" + design + "), so the judge's position bias cannot be told"
                    + " apart from a real quality difference: the win rate may be an artifact of the order."
                    + " Judge in both orders or randomize the order.";
        }
        if (!significant) return null;
        String measured = String.format("The judge picked the response shown first in %.0f%% of decisive votes"
                + " (%.0f%% interval %.0f%%-%.0f%%, p = %.2g). ", 100 * share, 100 * ci.level(), 100 * ci.lower(), 100 * ci.upper(), p);
        if (design.equals("both")) {
            return measured + "Because every pair was judged in both orders the bias cannot favour A or B, but it turns"
                    + " real preferences into inconsistent verdicts (scored as ties) and so costs power.";
        }
        return measured + "The order was balanced (half the cases show B first) and the primary estimate averages B's win"
                + " rate in the two orders, so the bias cannot favour A or B; it does cost power.";
    }
}
