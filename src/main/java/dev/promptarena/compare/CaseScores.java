package dev.promptarena.compare;

import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.JudgedOutcome;
import dev.promptarena.stats.Verdict;
import dev.promptarena.stats.Vote;
import dev.promptarena.stats.Winner;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's outcomes collapsed to one row per case id (repeats averaged, as the analysis clusters them):
 * B's tie-half score, B - A per axis, and per check whether every repeat of each side passed.
 *
 * @param score   mean verdict score over the case's scored repeats, NaN when none was scored
 * @param axisDiff mean (B - A) per axis over the case's parsed votes
 * @param checksA check -> passed on every repeat, for A
 * @param checksB the same for B
 */
record CaseScores(double score, Map<String, Double> axisDiff, Map<String, Boolean> checksA, Map<String, Boolean> checksB) {
    /** Case id -> scores, in first-seen order. */
    static Map<String, CaseScores> of(List<CaseOutcome> outcomes) {
        Map<String, double[]> score = new LinkedHashMap<>();               // id -> {sum, n}
        Map<String, Map<String, double[]>> axes = new HashMap<>();         // id -> axis -> {sum B-A, n}
        Map<String, Map<String, Boolean>> a = new HashMap<>(), b = new HashMap<>();
        for (JudgedOutcome j : JudgedOutcome.of(outcomes)) {
            CaseOutcome o = j.outcome();
            double[] s = score.computeIfAbsent(o.caseId(), k -> new double[2]);
            if (j.verdict().scored()) { s[0] += j.verdict().score(); s[1]++; }
            if (j.verdict() != Verdict.ERROR) {
                for (Vote v : o.votes()) {
                    if (v.winner() == Winner.UNPARSEABLE) continue;
                    v.scoresB().forEach((axis, sb) -> {
                        Integer sa = v.scoresA().get(axis);
                        if (sa == null) return;
                        double[] d = axes.computeIfAbsent(o.caseId(), k -> new HashMap<>()).computeIfAbsent(axis, k -> new double[2]);
                        d[0] += sb - sa;
                        d[1]++;
                    });
                }
            }
            o.a().checks().forEach((c, p) -> a.computeIfAbsent(o.caseId(), k -> new LinkedHashMap<>()).merge(c, p, Boolean::logicalAnd));
            o.b().checks().forEach((c, p) -> b.computeIfAbsent(o.caseId(), k -> new LinkedHashMap<>()).merge(c, p, Boolean::logicalAnd));
        }
        Map<String, CaseScores> out = new LinkedHashMap<>();
        score.forEach((id, s) -> {
            Map<String, Double> diffs = new LinkedHashMap<>();
            axes.getOrDefault(id, Map.of()).forEach((axis, d) -> diffs.put(axis, d[0] / d[1]));
            out.put(id, new CaseScores(s[1] == 0 ? Double.NaN : s[0] / s[1], diffs, a.getOrDefault(id, Map.of()), b.getOrDefault(id, Map.of())));
        });
        return out;
    }

    /** win, loss or tie from B's point of view; null when not scored. */
    String result() {
        if (Double.isNaN(score)) return null;
        return score > 0.5 ? "win" : score < 0.5 ? "loss" : "tie";
    }
}
