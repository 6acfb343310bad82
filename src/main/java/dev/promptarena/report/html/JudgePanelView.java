package dev.promptarena.report.html;

import dev.promptarena.report.Fmt;
import dev.promptarena.stats.JudgePanelResult;
import dev.promptarena.stats.JudgeResult;
import dev.promptarena.stats.PanelAgreement;
import dev.promptarena.stats.PairwiseKappa;
import java.util.List;
import java.util.Locale;

/**
 * The judges panel: each judge alone (win rate, position bias, unparseable and truncated replies,
 * stability) and how much the judges agree.
 *
 * @param judges      one row per judge
 * @param orderFamily the tests each judge's order p is Holm-adjusted over ("the panel's judges"), or null when no
 *                    judge has an adjusted p (no order test applies)
 * @param agreement   one sentence on inter-judge agreement, or null with a single judge
 * @param pairwise    Cohen's kappa of each pair of judges (panels of three or more)
 * @param stability   one sentence on repetition stability, or null when no judge was sampled twice
 */
public record JudgePanelView(List<Row> judges, String orderFamily, String agreement, List<String> pairwise, String stability) {

    /** True when there are pairwise kappas to list (the template cannot test a list's size). */
    public boolean hasPairwise() { return !pairwise.isEmpty(); }

    /**
     * One judge.
     *
     * @param judge       judge id
     * @param votes       its votes
     * @param winRate     B's win rate by this judge with interval
     * @param firstShare  share of its decisive votes that went to the first-shown response, "(significant)" when
     *                    orderP is below alpha
     * @param orderP      the binomial p of that share against ½, Holm-adjusted over orderFamily: the p the label
     *                    follows (as the judge's order warning does), shown so an unlabelled 80% explains itself
     * @param unparseable its unparseable rate
     * @param truncated   its replies cut off at the token limit
     * @param stability   share of pairs where all its samples agreed, or "—"
     */
    public record Row(String judge, int votes, String winRate, String firstShare, String orderP, String unparseable, int truncated,
                      String stability) {}

    static JudgePanelView of(JudgePanelResult p) {
        if (p == null || p.perJudge().isEmpty()) return null;
        List<Row> rows = p.perJudge().stream().map(JudgePanelView::row).toList();
        PanelAgreement a = p.agreement();
        String agreement = null;
        List<String> pairwise = List.of();
        if (a != null) {
            agreement = a.kappa() == null
                    ? "Agreement between the judges: " + Fmt.pct(a.observed()) + " observed; kappa undefined (" + a.note() + ")."
                    : String.format(Locale.ROOT, "Agreement between the judges (%s's kappa over %d outcomes): kappa %s%s; observed %s vs %s by chance.",
                    a.method().equals("cohen") ? "Cohen" : "Fleiss", a.items(), Fmt.num(a.kappa(), 3),
                    a.interval() == null ? "" : " " + Fmt.interval(a.interval(), 3), Fmt.pct(a.observed()), Fmt.pct(a.expected()));
            if (a.pairwise() != null && a.pairwise().size() > 1) pairwise = a.pairwise().stream().map(JudgePanelView::pair).toList();
        }
        String stability = p.stability() == null ? null : "Repetition stability over the panel: " + Fmt.pct(p.stability())
                + " of pairs got the same verdict from every sample of the same judge.";
        return new JudgePanelView(rows, orderFamily(p), agreement, pairwise, stability);
    }

    /** The family JudgePanelAnalysis (a panel) or ArenaAnalysis (one judge) adjusts each judge's order p over. */
    private static String orderFamily(JudgePanelResult p) {
        boolean adjusted = p.perJudge().stream().anyMatch(j -> j.orderBias() != null && j.orderBias().firstSharePAdjusted() != null);
        if (!adjusted) return null;
        return p.orderAdjustedOverJudges() ? "the panel's judges" : "the run's exploratory checks (order, verbosity, segment reversal)";
    }

    private static Row row(JudgeResult j) {
        String win = j.winRate() == null ? Fmt.NONE : Fmt.pct(j.winRate()) + " " + Fmt.pctInterval(j.winRateInterval());
        String first = j.orderBias() == null || j.orderBias().firstShare() == null ? Fmt.NONE
                : Fmt.pct(j.orderBias().firstShare()) + (j.orderBias().significant() ? " (significant)" : "");
        String orderP = j.orderBias() == null ? Fmt.NONE : Fmt.p(j.orderBias().firstSharePAdjusted());
        return new Row(j.judge(), j.votes(), win, first, orderP, j.unparseableRate() == null ? Fmt.NONE : Fmt.pct(j.unparseableRate()),
                j.truncatedVotes(), j.stability() == null ? Fmt.NONE : Fmt.pct(j.stability()));
    }

    private static String pair(PairwiseKappa k) {
        return k.first() + " vs " + k.second() + ": kappa " + (k.kappa() == null ? "undefined" : Fmt.num(k.kappa(), 3)
                + (k.interval() == null ? "" : " " + Fmt.interval(k.interval(), 3))) + " over " + k.items() + " outcomes";
    }
}
