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
        // A filter, not a list of them: the outcomes are built as they are read and not held (issue 21).
        Predicate<JudgedOutcome> paired = j -> j.verdict() != Verdict.ERROR, every = j -> true;
        Double p95A = p95(judged, paired, CaseOutcome::a), p95B = p95(judged, paired, CaseOutcome::b);
        Double costA = mean(judged, every, CaseOutcome::a, Side::costUsd);
        Double costB = mean(judged, every, CaseOutcome::b, Side::costUsd);
        Double wordsA = mean(judged, paired, CaseOutcome::a, s -> (double) s.words());
        Double wordsB = mean(judged, paired, CaseOutcome::b, s -> (double) s.words());
        Double truncA = mean(judged, paired, CaseOutcome::a, s -> s.truncated() ? 1.0 : 0.0);
        Double truncB = mean(judged, paired, CaseOutcome::b, s -> s.truncated() ? 1.0 : 0.0);
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

    private static Double p95(List<JudgedOutcome> judged, Predicate<JudgedOutcome> include, Function<CaseOutcome, Side> side) {
        double[] latencies = judged.stream().filter(include).map(j -> side.apply(j.outcome()))
                .mapToDouble(Side::latencyMillis).toArray();
        return latencies.length == 0 ? null : Quantiles.of(latencies, 0.95);
    }

    private static Double mean(List<JudgedOutcome> judged, Predicate<JudgedOutcome> include, Function<CaseOutcome, Side> side,
                               Function<Side, Double> value) {
        double[] v = judged.stream().filter(include).map(j -> side.apply(j.outcome())).mapToDouble(value::apply).toArray();
        if (v.length == 0) return null;
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
