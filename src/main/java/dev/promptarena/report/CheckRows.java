package dev.promptarena.report;

import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.checks.CheckResult;
import dev.promptarena.decision.GuardrailSpec;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.similarity.SimilaritySummary;
import dev.promptarena.stats.CheckSummary;
import dev.promptarena.stats.Evidence;
import dev.promptarena.stats.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rubric-check and similarity parts of the CSV reports: per-case pass/fail columns of cases.csv,
 * rows of summary.csv and the whole of checks.csv. A check or the similarity is labelled primary only
 * when a pre-registered guardrail uses it; otherwise it is exploratory (many checks are many tests).
 */
final class CheckRows {
    private CheckRows() {}

    static List<String> names(AnalysisResult a) { return a.checks().stream().map(CheckSummary::name).toList(); }

    /** Extra cases.csv columns: {@code check_a.<name>}, {@code check_b.<name>}, failed-check details, similarity. */
    static List<String> caseHeader(AnalysisResult a) {
        List<String> h = new ArrayList<>();
        for (String n : names(a)) { h.add("check_a." + n); h.add("check_b." + n); }
        if (!a.checks().isEmpty()) { h.add("checks_failed_a"); h.add("checks_failed_b"); }
        if (a.similarity() != null) { h.add("similarity_a"); h.add("similarity_b"); }
        return h;
    }

    /** The cells of {@link #caseHeader} for one record; blank where a check did not apply or the side failed. */
    static List<Object> caseCells(AnalysisResult a, CaseRecord r) {
        List<Object> row = new ArrayList<>();
        for (String n : names(a)) { row.add(r.a().checks().get(n)); row.add(r.b().checks().get(n)); }
        if (!a.checks().isEmpty()) { row.add(failed(r.checksA())); row.add(failed(r.checksB())); }
        if (a.similarity() != null) { row.add(similarity(r.a())); row.add(similarity(r.b())); }
        return row;
    }

    private static String failed(List<CheckResult> results) {
        return results.stream().filter(x -> !x.passed()).map(x -> x.name() + " (" + x.detail() + ")").collect(Collectors.joining("; "));
    }

    private static Double similarity(Side s) { return s.similarity(); }

    /** checks.csv: one row per check, A vs B with McNemar. */
    static CsvTable table(AnalysisResult a) {
        CsvTable t = new CsvTable("check", "pairs", "pass_a", "pass_b", "pass_rate_a", "pass_rate_b", "difference_b_minus_a",
                "a_only", "b_only", "p_value", "mid_p", "test", "role", "guardrail_limit");
        for (CheckSummary c : a.checks()) {
            GuardrailSpec g = guardrail(a, GuardrailSpec.CHECK_PASS_DROP, c.name());
            t.row(c.name(), c.pairs(), c.passA(), c.passB(), nan(c.passRateA()), nan(c.passRateB()), nan(c.difference()), c.aOnly(), c.bOnly(),
                    c.pValue(), c.midP(), c.clustered() ? "clustered McNemar (Durkalski)" : "exact McNemar", role(g), g == null ? null : g.limit());
        }
        return t;
    }

    /** summary.csv rows: each check's pass-rate difference and the similarity summary. */
    static void summary(CsvTable t, AnalysisResult a) {
        for (CheckSummary c : a.checks()) {
            t.row("check." + c.name() + ".pass_rate_difference", nan(c.difference()), null, null,
                    c.clustered() ? "clustered McNemar" : "exact McNemar", role(guardrail(a, GuardrailSpec.CHECK_PASS_DROP, c.name())),
                    String.format("B minus A; A passed %d, B passed %d of %d pairs; a_only %d, b_only %d; p = %.4g",
                            c.passA(), c.passB(), c.pairs(), c.aOnly(), c.bOnly(), c.pValue()));
        }
        SimilaritySummary s = a.similarity();
        if (s == null) return;
        String role = role(guardrail(a, GuardrailSpec.SIMILARITY_DROP, null));
        t.row("similarity_mean_a", nan(s.meanA()), null, null, null, role, s.cases() + " cases");
        t.row("similarity_mean_b", nan(s.meanB()), null, null, null, role, s.cases() + " cases");
        t.row("similarity_difference_b_minus_a", nan(s.meanDiff()), nan(s.low()), nan(s.high()),
                String.format("paired t, %.0f%%", 100 * s.confidence()), role, "p = " + nan(s.pValue()));
    }

    private static GuardrailSpec guardrail(AnalysisResult a, String metric, String check) {
        return a.options().policy().guardrails().stream()
                .filter(g -> g.metric().equals(metric) && (check == null || check.equals(g.check()))).findFirst().orElse(null);
    }

    private static String role(GuardrailSpec g) { return (g == null ? Evidence.EXPLORATORY : Evidence.PRIMARY).name().toLowerCase(); }

    /** NaN (no data) is written as an empty cell, like every other missing number. */
    private static Double nan(double v) { return Double.isNaN(v) ? null : v; }
}
