package dev.promptarena.calibration;

import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.Vote;
import dev.promptarena.stats.VerdictCombiner;
import dev.promptarena.stats.Verdict;
import dev.promptarena.stats.Winner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run seen case by case, as the human-corrected win rate needs it: per golden case the judge's tie-half
 * score (the mean over its repeats of the combined verdict's score: B 1, tie or order-dependent ½, A 0) and
 * how unsure the judge was. Cases with no scored verdict are left out, as they are from the judge's win rate.
 *
 * @param ids         case ids in run order
 * @param score       the judge's score per case
 * @param uncertainty per case: the variance of its votes' scores (high when the judge contradicted itself across
 *                    orders, samples or panel members) + 0.03 (a consistent judge can still be wrong)
 *                    + 0.03 × (1 − |mean axis-score gap|) when the judge's 1–5 scores for A and B are within a point
 * @param records     each case's scored records (repeats)
 */
public record JudgedCases(List<String> ids, double[] score, double[] uncertainty, List<List<CaseRecord>> records) {
    /** The floor added to every case's uncertainty; the coverage simulation (bench/ppi-coverage.sh) used it. */
    static final double FLOOR = 0.03;

    public static JudgedCases of(List<CaseRecord> all) {
        Map<String, List<CaseRecord>> byCase = new LinkedHashMap<>();
        for (CaseRecord r : all) {
            if (VerdictCombiner.combine(r.outcome()).scored()) byCase.computeIfAbsent(r.caseId(), k -> new ArrayList<>()).add(r);
        }
        List<String> ids = List.copyOf(byCase.keySet());
        double[] score = new double[ids.size()], uncertainty = new double[ids.size()];
        List<List<CaseRecord>> records = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            List<CaseRecord> rs = byCase.get(ids.get(i));
            records.add(List.copyOf(rs));
            double s = 0;
            List<Double> votes = new ArrayList<>();
            double gap = 0;
            int gaps = 0;
            for (CaseRecord r : rs) {
                Verdict v = VerdictCombiner.combine(r.outcome());
                s += v.score();
                for (Vote vote : r.outcome().votes()) {
                    if (vote.winner() == Winner.UNPARSEABLE) continue;
                    votes.add(vote.winner() == Winner.B ? 1.0 : vote.winner() == Winner.A ? 0.0 : 0.5);
                    for (Map.Entry<String, Integer> e : vote.scoresB().entrySet()) {
                        Integer a = vote.scoresA().get(e.getKey());
                        if (a != null) { gap += e.getValue() - a; gaps++; }
                    }
                }
            }
            score[i] = s / rs.size();
            double closeness = gaps == 0 ? 0 : Math.max(0, 1 - Math.abs(gap / gaps));
            uncertainty[i] = variance(votes) + FLOOR + FLOOR * closeness;
        }
        return new JudgedCases(ids, score, uncertainty, List.copyOf(records));
    }

    public int size() { return ids.size(); }

    private static double variance(List<Double> x) {
        if (x.isEmpty()) return 0;
        double m = x.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return x.stream().mapToDouble(v -> (v - m) * (v - m)).sum() / x.size();
    }
}
