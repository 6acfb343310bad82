package dev.promptarena.compare;

import dev.promptarena.report.JudgeComparison;
import dev.promptarena.stats.MeanDifference;
import dev.promptarena.stats.PAdjust;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two runs case by case. The one pre-registered rule: a <b>regression</b> is when the
 * two-sided (1 - alpha) interval of the change in B's win rate (second minus first; paired by case id)
 * lies entirely below zero. Everything else (axes, flips, check failures, cost) is reported, not gated,
 * so the rule has one known false-alarm rate (alpha / 2 under no change; measured in bench/compare-aa.sh).
 */
public final class RunComparison {
    private RunComparison() {}

    public static Comparison compare(RunSnapshot one, RunSnapshot two, double alpha) {
        Map<String, CaseScores> s1 = CaseScores.of(one.outcomes());
        Map<String, CaseScores> s2 = CaseScores.of(two.outcomes());
        List<String> shared = new ArrayList<>();
        for (String id : s1.keySet()) {
            if (s2.containsKey(id) && !Double.isNaN(s1.get(id).score()) && !Double.isNaN(s2.get(id).score())) shared.add(id);
        }
        int onlyFirst = (int) s1.keySet().stream().filter(id -> !s2.containsKey(id)).count();
        int onlySecond = (int) s2.keySet().stream().filter(id -> !s1.containsKey(id)).count();
        boolean paired = shared.size() >= 2;
        double[] x1, x2;
        if (paired) {
            x1 = shared.stream().mapToDouble(id -> s1.get(id).score()).toArray();
            x2 = shared.stream().mapToDouble(id -> s2.get(id).score()).toArray();
        } else {
            x1 = s1.values().stream().mapToDouble(CaseScores::score).filter(d -> !Double.isNaN(d)).toArray();
            x2 = s2.values().stream().mapToDouble(CaseScores::score).filter(d -> !Double.isNaN(d)).toArray();
        }
        MeanDifference winRate = paired ? MeanDifference.paired(x1, x2, alpha) : MeanDifference.welch(x1, x2, alpha);
        List<String> judging = JudgeComparison.differences(one.manifest(), two.manifest());
        boolean regression = winRate.interval() != null && winRate.interval().upper() < 0;
        List<String> reasons = new ArrayList<>();
        if (regression) {
            reasons.add(String.format("regression: B's win rate fell by %.3f, and the %.0f%% interval [%.3f, %.3f] lies below 0",
                    -winRate.estimate(), 100 * (1 - alpha), winRate.interval().lower(), winRate.interval().upper()));
        } else if (winRate.interval() == null) {
            reasons.add("too few scored cases for an interval: no regression can be shown");
        } else {
            reasons.add(String.format("no regression: the %.0f%% interval of the win-rate change [%.3f, %.3f] does not lie below 0",
                    100 * (1 - alpha), winRate.interval().lower(), winRate.interval().upper()));
        }
        if (!judging.isEmpty()) reasons.add("the runs were judged differently, so their results are not comparable");
        return new Comparison(one.runId(), two.runId(), two.manifest().arena(), paired, shared.size(), onlyFirst, onlySecond, alpha,
                mean(x1), mean(x2), winRate, axes(shared, s1, s2, alpha, paired), flips(shared, s1, s2), checks(shared, s1, s2),
                operations(one, two), judging, regression, reasons);
    }

    private static List<Comparison.AxisDelta> axes(List<String> shared, Map<String, CaseScores> s1, Map<String, CaseScores> s2,
                                                   double alpha, boolean paired) {
        Set<String> names = new LinkedHashSet<>();
        s1.values().forEach(c -> names.addAll(c.axisDiff().keySet()));
        names.retainAll(s2.values().stream().flatMap(c -> c.axisDiff().keySet().stream()).toList());
        List<MeanDifference> deltas = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String axis : names) {
            MeanDifference d;
            if (paired) {
                List<String> both = shared.stream().filter(id -> s1.get(id).axisDiff().containsKey(axis) && s2.get(id).axisDiff().containsKey(axis)).toList();
                d = MeanDifference.paired(both.stream().mapToDouble(id -> s1.get(id).axisDiff().get(axis)).toArray(),
                        both.stream().mapToDouble(id -> s2.get(id).axisDiff().get(axis)).toArray(), alpha);
            } else {
                d = MeanDifference.welch(s1.values().stream().filter(c -> c.axisDiff().containsKey(axis)).mapToDouble(c -> c.axisDiff().get(axis)).toArray(),
                        s2.values().stream().filter(c -> c.axisDiff().containsKey(axis)).mapToDouble(c -> c.axisDiff().get(axis)).toArray(), alpha);
            }
            deltas.add(d);
            kept.add(axis);
        }
        double[] p = deltas.stream().mapToDouble(d -> Double.isNaN(d.p()) ? 1.0 : d.p()).toArray();
        double[] holm = p.length == 0 ? p : PAdjust.HOLM.adjust(p);
        List<Comparison.AxisDelta> out = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) out.add(new Comparison.AxisDelta(kept.get(i), deltas.get(i), Double.isNaN(deltas.get(i).p()) ? null : holm[i]));
        return out;
    }

    private static List<Comparison.Flip> flips(List<String> shared, Map<String, CaseScores> s1, Map<String, CaseScores> s2) {
        List<Comparison.Flip> out = new ArrayList<>();
        for (String id : shared) {
            String r1 = s1.get(id).result(), r2 = s2.get(id).result();
            if (("win".equals(r1) && "loss".equals(r2)) || ("loss".equals(r1) && "win".equals(r2))) out.add(new Comparison.Flip(id, r1, r2));
        }
        return out;
    }

    private static List<Comparison.CheckChange> checks(List<String> shared, Map<String, CaseScores> s1, Map<String, CaseScores> s2) {
        List<Comparison.CheckChange> out = new ArrayList<>();
        for (String variant : List.of("A", "B")) {
            Set<String> names = new LinkedHashSet<>();
            shared.forEach(id -> names.addAll(side(s1.get(id), variant).keySet()));
            for (String check : names) {
                int n = 0, pass1 = 0, pass2 = 0;
                List<String> newly = new ArrayList<>();
                for (String id : shared) {
                    Boolean p1 = side(s1.get(id), variant).get(check), p2 = side(s2.get(id), variant).get(check);
                    if (p1 == null || p2 == null) continue;
                    n++;
                    if (p1) pass1++;
                    if (p2) pass2++;
                    if (p1 && !p2) newly.add(id);
                }
                if (n > 0) out.add(new Comparison.CheckChange(variant, check, (double) pass1 / n, (double) pass2 / n, newly));
            }
        }
        return out;
    }

    private static Map<String, Boolean> side(CaseScores c, String variant) { return variant.equals("A") ? c.checksA() : c.checksB(); }

    private static List<Comparison.MetricDelta> operations(RunSnapshot one, RunSnapshot two) {
        List<Comparison.MetricDelta> out = new ArrayList<>();
        for (String k : RunSnapshot.OPERATIONS) {
            Double a = one.operations().get(k), b = two.operations().get(k);
            out.add(new Comparison.MetricDelta(k, a, b, a == null || b == null ? null : b - a));
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return v.length == 0 ? Double.NaN : s / v.length;
    }
}
