package dev.promptarena.stats;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Computes {@link OperationalMetrics}. */
public final class OperationalAnalysis {
    private OperationalAnalysis() {}

    /** @param axes the per-axis results (for the largest axis drop); may be empty */
    public static OperationalMetrics analyze(List<JudgedOutcome> judged, List<AxisResult> axes) {
        int n = judged.size();
        int errors = (int) judged.stream().filter(j -> j.verdict() == Verdict.ERROR).count();
        int votes = 0, unparseable = 0, judgeFailed = 0;
        double judgeCost = 0;
        for (JudgedOutcome j : judged) {
            judgeCost += j.outcome().judgeCostUsd();
            judgeFailed += (int) j.outcome().votes().stream().filter(Vote::judgeFailed).count();
            if (j.verdict() == Verdict.ERROR) continue;
            // A failed call gave no reply to read: it is a judge error, not part of the unparseable rate's votes.
            votes += (int) j.outcome().votes().stream().filter(v -> !v.judgeFailed()).count();
            unparseable += (int) j.outcome().votes().stream().filter(Vote::unparseable).count();
        }
        int judgeErrors = (int) judged.stream().filter(j -> j.verdict() == Verdict.ERROR && !generationError(j.outcome())).count();
        int unparseableOutcomes = (int) judged.stream().filter(j -> j.verdict() == Verdict.UNPARSEABLE).count();
        // Latency, length and truncation compare A and B on the same outcomes: those where both generated.
        List<JudgedOutcome> paired = judged.stream().filter(j -> j.verdict() != Verdict.ERROR).toList();
        Double p95A = p95(paired, CaseOutcome::a), p95B = p95(paired, CaseOutcome::b);
        Double costA = mean(judged, CaseOutcome::a, s -> true, Side::costUsd);
        Double costB = mean(judged, CaseOutcome::b, s -> true, Side::costUsd);
        Double wordsA = mean(paired, CaseOutcome::a, s -> true, s -> (double) s.words());
        Double wordsB = mean(paired, CaseOutcome::b, s -> true, s -> (double) s.words());
        Double truncA = mean(paired, CaseOutcome::a, s -> true, s -> s.truncated() ? 1.0 : 0.0);
        Double truncB = mean(paired, CaseOutcome::b, s -> true, s -> s.truncated() ? 1.0 : 0.0);
        AxisResult worst = null;
        for (AxisResult a : axes) {
            if (a.meanDifference() != null && (worst == null || -a.meanDifference() > -worst.meanDifference())) worst = a;
        }
        return new OperationalMetrics(Evidence.PRIMARY, n, errors, n == 0 ? null : errors / (double) n, votes, unparseable,
                votes == 0 ? null : unparseable / (double) votes, unparseableOutcomes,
                p95A, p95B, p95A == null || p95B == null ? null : p95B - p95A,
                costA, costB, costA == null || costB == null ? null : costB - costA, judgeCost,
                wordsA, wordsB, wordsA == null || wordsB == null || wordsA == 0 ? null : wordsB / wordsA - 1,
                truncA, truncB, worst == null ? null : -worst.meanDifference(), worst == null ? null : worst.axis(),
                judgeErrors, judgeFailed);
    }

    /** A or B failed to generate (the other kind of error outcome is a judge error). */
    static boolean generationError(CaseOutcome o) { return o.a().error() || o.b().error(); }

    private static Double p95(List<JudgedOutcome> judged, Function<CaseOutcome, Side> side) {
        double[] latencies = judged.stream().map(j -> side.apply(j.outcome()))
                .mapToDouble(Side::latencyMillis).toArray();
        return latencies.length == 0 ? null : Quantiles.of(latencies, 0.95);
    }

    private static Double mean(List<JudgedOutcome> judged, Function<CaseOutcome, Side> side, Predicate<Side> include,
                               Function<Side, Double> value) {
        double[] v = judged.stream().map(j -> side.apply(j.outcome())).filter(include).mapToDouble(value::apply).toArray();
        if (v.length == 0) return null;
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
