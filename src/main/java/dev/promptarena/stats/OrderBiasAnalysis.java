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
        boolean anyBFirst = false, anyBSecond = false, allPaired = true, anyReference = false, clustered = false;
        // Per outcome, the decisive votes and those for each slot: the votes of one case (panel judges, samples, both
        // orders) are not independent, so the test counts cases' worth of evidence (see clusteredP).
        int[] firstOf = new int[judged.size()], secondOf = new int[judged.size()], decisiveOf = new int[judged.size()];
        for (int i = 0; i < judged.size(); i++) {
            JudgedOutcome j = judged.get(i);
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
                    decisiveOf[i]++;
                    if (v.pickedFirst()) { first++; firstOf[i]++; } else secondOf[i]++;
                }
                samples.computeIfAbsent(v.judge() + "\u0000" + v.sample(), k -> new TreeMap<>())
                        .computeIfAbsent(v.bFirst(), k -> new ArrayList<>()).add(Verdict.valueOf(v.winner().name()));
            }
            clustered |= decisiveOf[i] > 1;
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
        double p = clustered ? clusteredP(firstOf, secondOf, decisiveOf, first, decisive) : SignTest.binomialP(first, decisive, 0.5);
        boolean significant = varied && decisive > 0 && p < alpha;
        int inconsistent = pairs - consistent;
        return new OrderBiasResult(Evidence.EXPLORATORY, design, decisive, first, share, interval, p, null, significant,
                nBFirst, nBFirst == 0 ? null : ptsBFirst / nBFirst, nBSecond, nBSecond == 0 ? null : ptsBSecond / nBSecond,
                pairs, pairs == 0 ? null : consistent / (double) pairs, pairs == 0 ? null : flips / (double) pairs,
                inconsistent, favFirst, favSecond, inconsistent == 0 ? null : (favFirst - favSecond) / (double) inconsistent,
                warning(design, share, interval, p, significant));
    }

    /**
     * The binomial test on effective counts when some case gave more than one decisive vote: both counts divided by the
     * design effect of the first-slot share clustered by case ({@link DesignEffect}: first picks as one side, second
     * picks as the other; at least 1), rounded. Counting every vote as independent, three judges that agree (as real
     * panels largely do) tripled the evidence and warned about a judge with no position bias in 19% of runs
     * (bench/panel-validity.sh, docs/statistics.md 19).
     */
    static double clusteredP(int[] firstOf, int[] secondOf, int[] decisiveOf, int first, int decisive) {
        double deff = DesignEffect.of(firstOf, secondOf, decisiveOf);
        return SignTest.binomialP((int) Math.round(first / deff), (int) Math.round(decisive / deff), 0.5);
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
