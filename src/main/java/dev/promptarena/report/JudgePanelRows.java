package dev.promptarena.report;

import dev.promptarena.stats.Interval;
import dev.promptarena.stats.JudgePanelResult;
import dev.promptarena.stats.JudgeResult;
import dev.promptarena.stats.OrderBiasResult;
import dev.promptarena.stats.PairwiseKappa;
import dev.promptarena.stats.PanelAgreement;
import dev.promptarena.stats.SelfPreference;

/**
 * The judge rows of summary.csv: per judge its win rate, position bias, stability, unparseable and
 * truncated replies; inter-judge agreement; self-preference. Metric names carry the judge id
 * ({@code judge.<id>.win_rate_b}) so one file holds any panel size.
 */
final class JudgePanelRows {
    private JudgePanelRows() {}

    static void add(CsvTable t, JudgePanelResult p) {
        String role = p.role().name().toLowerCase();
        for (JudgeResult r : p.perJudge()) {
            String k = "judge." + r.judge() + ".";
            Interval w = r.winRateInterval();
            t.row(k + "win_rate_b", r.winRate(), w == null ? null : w.lower(), w == null ? null : w.upper(), w == null ? null : w.method(),
                    role, String.format("this judge alone; %d scored: B won %d, lost %d, %d ties (%d inconsistent)",
                            r.scored(), r.wins(), r.losses(), r.ties(), r.inconsistent()));
            OrderBiasResult o = r.orderBias();
            Interval f = o.firstShareInterval();
            // Named beside the raw p: "(significant)" follows the adjusted one, as the judge's order warning does.
            String family = p.orderAdjustedOverJudges() ? "the panel's judges" : "the run's exploratory checks";
            t.row(k + "first_slot_share", o.firstShare(), f == null ? null : f.lower(), f == null ? null : f.upper(),
                    f == null ? null : f.method(), role, "position bias; binomial p = " + o.firstShareP()
                            + (o.firstSharePAdjusted() == null ? "" : ", Holm-adjusted over " + family + " " + o.firstSharePAdjusted())
                            + (o.significant() ? " (significant)" : ""));
            if (r.orderBias().pairs() > 0) {
                t.row(k + "position_consistency", r.orderBias().positionConsistency(), null, null, null, role,
                        r.orderBias().pairs() + " pairs judged in both orders");
            }
            if (r.stability() != null) {
                t.row(k + "stability", r.stability(), null, null, null, role,
                        r.stablePairs() + " of " + r.stabilityPairs() + " pairs had the same winner in all " + r.samples() + " samples");
            }
            t.row(k + "unparseable_rate", r.unparseableRate(), null, null, null, role, r.unparseableVotes() + " of " + r.votes() + " votes");
            t.row(k + "truncated_votes", (double) r.truncatedVotes(), null, null, null, role, "replies cut off at the judge's token limit");
        }
        PanelAgreement a = p.agreement();
        if (a != null) {
            String metric = a.method().equals("cohen") ? "judge_agreement_cohen_kappa" : "judge_agreement_fleiss_kappa";
            t.row(metric, a.kappa(), a.interval() == null ? null : a.interval().lower(), a.interval() == null ? null : a.interval().upper(),
                    a.interval() == null ? null : a.interval().method(), role,
                    String.join(" vs ", a.judges()) + "; " + a.items() + " outcomes" + (a.note() == null ? "" : "; " + a.note()));
            t.row("judge_agreement_observed", a.observed(), null, null, null, role, "share of identical verdicts (A, B, tie)");
            if (a.pairwise().size() > 1) {
                for (PairwiseKappa k : a.pairwise()) {
                    t.row("judge_agreement_cohen_kappa." + k.first() + "." + k.second(), k.kappa(),
                            k.interval() == null ? null : k.interval().lower(), k.interval() == null ? null : k.interval().upper(),
                            k.interval() == null ? null : k.interval().method(), role, k.items() + " outcomes both scored");
                }
            }
        }
        if (p.stability() != null) t.row("judge_stability", p.stability(), null, null, null, role, "all judges' sampled pairs");
        t.row("judge_truncated_votes", (double) p.truncatedVotes(), null, null, null, role, null);
        for (SelfPreference s : p.selfPreference()) {
            t.row("self_preference." + s.judge() + "." + s.variant(), s.family(), null, null, null, role, s.message());
        }
    }
}
