package dev.promptarena.stats;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Computes {@link JudgePanelResult}: each judge alone, agreement, stability and truncation. */
public final class JudgePanelAnalysis {
    /** Below this Cohen/Fleiss kappa the panel is warned about (Landis and Koch 1977: "moderate" starts at 0.41). */
    static final double LOW_KAPPA = 0.4;
    /** Below this repetition stability (shown by its upper bound) a judge is warned about: one in five pairs would flip on a re-ask. */
    static final double LOW_STABILITY = 0.8;

    private JudgePanelAnalysis() {}

    public static JudgePanelResult analyze(List<JudgedOutcome> judged, double alpha, List<SelfPreference> selfPreference) {
        Set<String> ids = new LinkedHashSet<>();
        judged.forEach(j -> j.outcome().votes().forEach(v -> ids.add(v.judge())));
        List<String> judges = List.copyOf(ids);
        List<JudgeResult> perJudge = new ArrayList<>();
        List<List<Verdict>> verdicts = new ArrayList<>();
        int stablePairs = 0, pairs = 0, truncated = 0;
        for (String id : judges) {
            List<JudgedOutcome> own = only(judged, id);
            verdicts.add(own.stream().map(JudgedOutcome::verdict).toList());
            JudgeResult r = judge(id, own, alpha);
            perJudge.add(r);
            truncated += r.truncatedVotes();
            if (r.stability() != null) {
                pairs += r.stabilityPairs();
                stablePairs += r.stablePairs();
            }
        }
        if (perJudge.size() > 1) { // JudgePanelResult.orderAdjustedOverJudges names this family in the reports
            // The table's "(significant)" per judge follows the same Holm family as the judges' order warnings.
            ExploratoryFamily orderFamily = ExploratoryFamily.of(alpha, perJudge.stream().map(JudgePanelAnalysis::orderP).toArray(Double[]::new));
            for (int i = 0; i < perJudge.size(); i++) {
                JudgeResult r = perJudge.get(i);
                perJudge.set(i, r.withOrderBias(r.orderBias().inFamily(orderFamily.adjusted(i), orderFamily.keeps(i))));
            }
        }
        PanelAgreement agreement = judges.size() < 2 ? null : PanelAgreements.of(judges, verdicts, alpha);
        Double stability = pairs == 0 ? null : stablePairs / (double) pairs;
        return new JudgePanelResult(Evidence.EXPLORATORY, judges, perJudge, agreement, stability, truncated, selfPreference,
                warnings(perJudge, agreement, truncated, selfPreference, alpha));
    }

    /** The outcomes as if {@code judge} had been the only judge (same order as {@code judged}). */
    static List<JudgedOutcome> only(List<JudgedOutcome> judged, String judge) {
        // A view that filters each outcome's votes when read: a list of the filtered outcomes would hold every outcome
        // of the run at once (issue 21).
        final class OwnVotes extends java.util.AbstractList<CaseOutcome> implements java.util.RandomAccess {
            @Override
            public CaseOutcome get(int i) {
                CaseOutcome o = judged.get(i).outcome();
                return new CaseOutcome(o.caseId(), o.repeat(), o.tags(), o.a(), o.b(),
                        o.votes().stream().filter(v -> v.judge().equals(judge)).toList(), 0);
            }

            @Override
            public int size() { return judged.size(); }
        }
        return JudgedOutcome.of(new OwnVotes());
    }

    private static JudgeResult judge(String id, List<JudgedOutcome> own, double alpha) {
        int votes = 0, unparseable = 0, truncated = 0, wins = 0, losses = 0, ties = 0, inconsistent = 0, samples = 0;
        int stable = 0, pairs = 0;
        for (JudgedOutcome j : own) {
            switch (j.verdict()) {
                case B -> wins++;
                case A -> losses++;
                case TIE -> ties++;
                case INCONSISTENT -> { ties++; inconsistent++; }
                default -> { }
            }
            if (j.verdict() == Verdict.ERROR) continue;
            Map<Boolean, List<Winner>> byOrder = new TreeMap<>();
            Map<Boolean, Set<Integer>> sampleIds = new TreeMap<>();
            for (Vote v : j.outcome().votes()) {
                if (v.judgeFailed()) continue; // no reply: a judge error (OperationalMetrics), not an unparseable vote
                votes++;
                if (v.truncated()) truncated++;
                sampleIds.computeIfAbsent(v.bFirst(), k -> new LinkedHashSet<>()).add(v.sample());
                if (v.winner() == Winner.UNPARSEABLE) { unparseable++; continue; }
                byOrder.computeIfAbsent(v.bFirst(), k -> new ArrayList<>()).add(v.winner());
            }
            for (Set<Integer> s : sampleIds.values()) samples = Math.max(samples, s.size());
            for (List<Winner> w : byOrder.values()) {
                if (w.size() < 2) continue;
                pairs++;
                if (w.stream().distinct().count() == 1) stable++;
            }
        }
        int scored = wins + losses + ties;
        Double winRate = scored == 0 ? null : (wins + 0.5 * ties) / scored;
        return new JudgeResult(id, votes, unparseable, votes == 0 ? null : unparseable / (double) votes, truncated, scored,
                wins, losses, ties, inconsistent, winRate, scored == 0 ? null : WilsonScore.interval(wins + 0.5 * ties, scored, alpha),
                samples, pairs == 0 ? null : stable / (double) pairs, stable, pairs, OrderBiasAnalysis.analyze(own, alpha));
    }

    /**
     * Whether the panel's kappa is below {@link #LOW_KAPPA} beyond noise: the upper bound of its interval is (Cohen: Wald;
     * Fleiss: bootstrap). On the point estimate, two judges with a true kappa of 0.5 were warned about in 27 % of 30-case
     * runs (docs/statistics.md 19.2); without an interval (undefined in most resamples) the point estimate decides.
     */
    static boolean lowAgreement(PanelAgreement agreement) {
        if (agreement == null || agreement.kappa() == null) return false;
        return agreement.interval() != null ? agreement.interval().upper() < LOW_KAPPA : agreement.kappa() < LOW_KAPPA;
    }

    private static List<String> warnings(List<JudgeResult> perJudge, PanelAgreement agreement, int truncated,
                                         List<SelfPreference> selfPreference, double alpha) {
        List<String> out = new ArrayList<>();
        // The judges' own order tests are one family (Holm): tested one by one at alpha, a panel of three judges with
        // no position bias warned about one of them in 14% of runs (bench/panel-validity.sh, docs/statistics.md 19).
        ExploratoryFamily orderFamily = ExploratoryFamily.of(alpha, perJudge.stream().map(JudgePanelAnalysis::orderP).toArray(Double[]::new));
        selfPreference.forEach(s -> out.add(s.message()));
        if (lowAgreement(agreement)) {
            String bound = agreement.interval() == null ? "" : String.format(", at most %.2f at %.0f%% confidence",
                    agreement.interval().upper(), 100 * (1 - alpha / 2));
            out.add(String.format("The judges agree little beyond chance (%s kappa %.2f%s, over %d outcomes): the panel's"
                    + " majority rests on judges that often disagree; check the rubric and calibrate the judges against human labels.",
                    agreement.method().equals("cohen") ? "Cohen's" : "Fleiss'", agreement.kappa(), bound, agreement.items()));
        }
        for (int i = 0; i < perJudge.size(); i++) {
            JudgeResult r = perJudge.get(i);
            if (unstable(r, alpha)) {
                out.add(String.format("Judge %s gave the same winner in all %d samples for only %.0f%% of %d pairs: its verdicts"
                        + " are unstable; lower its temperature or keep several samples (the majority is used).",
                        r.judge(), r.samples(), 100 * r.stability(), r.stabilityPairs()));
            }
            if (perJudge.size() > 1 && orderFamily.keeps(i)) {
                out.add(String.format("Judge %s picked the response shown first in %.0f%% of its decisive votes (p = %.2g,"
                        + " %.2g Holm-adjusted over the panel's judges).", r.judge(), 100 * r.orderBias().firstShare(),
                        r.orderBias().firstShareP(), orderFamily.adjusted(i)));
            }
        }
        if (truncated > 0) {
            out.add(truncated + " judge replies were cut off at the judge's token limit (see judge_truncated in cases.csv);"
                    + " raise the judge's decoding.max_tokens.");
        }
        return out;
    }

    /**
     * True when the judge's stability is shown to be below {@link #LOW_STABILITY}: the upper Wilson bound at 1 − alpha,
     * not the share itself, which warned about a judge of true stability 0.86 in 12% of runs of 30 cases
     * (bench/panel-validity.sh, docs/statistics.md 19); now at most alpha/2 of runs at a true 0.8.
     */
    static boolean unstable(JudgeResult r, double alpha) {
        return r.stability() != null && WilsonScore.interval(r.stablePairs(), r.stabilityPairs(), alpha).upper() < LOW_STABILITY;
    }

    /** A judge's order-test p, or null where its order could not vary (fixed order, no decisive vote). */
    private static Double orderP(JudgeResult r) {
        OrderBiasResult o = r.orderBias();
        return o.decisiveVotes() > 0 && List.of("randomized", "both").contains(o.design()) ? o.firstShareP() : null;
    }
}
