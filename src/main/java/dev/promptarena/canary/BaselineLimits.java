package dev.promptarena.canary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptarena.stats.Interval;
import dev.promptarena.stats.WilsonScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Guardrail limits derived from what the offline run measured on the candidate (B), read from its
 * {@code report.json}. The rules, each stated in the guardrail's {@code source}:
 * <ul>
 *   <li>levels that vary with load (latency p95, cost per case, output length): B's offline value × (1 + headroom);
 *       skipped when the run measured 0 (a simulated or recorded run has no latency or cost);</li>
 *   <li>error rate: the run's pre-registered {@code error_rate_max} when it had one, else the upper 95% Wilson
 *       bound of the offline error rate — the rate the offline sample cannot rule out;</li>
 *   <li>check pass rates: the lower 95% Wilson bound of B's offline pass rate (small golden sets give loose limits,
 *       deliberately: a tighter limit would be a guess);</li>
 *   <li>judge axes (1–5): not from the run (see {@link #judge}); from a pointwise baseline scoring × (1 − headroom).</li>
 * </ul>
 * Online values are only comparable with offline ones when the production inputs resemble the golden set;
 * docs/canary.md says so and recommends replacing the derived limits with a stable period's values when known.
 */
public final class BaselineLimits {
    private BaselineLimits() {}

    public static List<Guardrail> derive(JsonNode report, double headroom, int windows) {
        JsonNode ops = report.path("analysis").path("operations");
        List<Guardrail> out = new ArrayList<>();
        level(out, ops, "latencyP95B", "latency_p95_ms", headroom, windows, Response.PAUSE, "pause exposure", "offline latency p95 of B");
        errorRate(out, report, ops, windows);
        level(out, ops, "costPerCaseB", "cost_per_case_usd", headroom, windows, Response.REVIEW, "review spend", "offline generation cost per case of B");
        level(out, ops, "meanWordsB", "output_words_mean", headroom, windows, Response.REVIEW, "review length", "offline mean output length (words) of B");
        for (JsonNode c : report.path("analysis").path("checks")) {
            int pairs = c.path("pairs").asInt(0);
            if (pairs == 0) continue;
            int pass = c.path("passB").asInt();
            Interval i = WilsonScore.interval(pass, pairs, 0.05);
            out.add(new Guardrail("check_" + slug(c.path("name").asText()) + "_pass_rate", Direction.MIN, round(i.lower()), windows, Response.ROLLBACK,
                    "rollback treatment", String.format(Locale.ROOT, "lower 95%% Wilson bound of B's offline pass rate %d/%d", pass, pairs)));
        }
        return out;
    }

    /**
     * Judge guardrails from a pointwise baseline: per axis, the mean of every scored trace of a {@code prompt-arena score}
     * folder (the n-weighted mean of its windows) x (1 - headroom). Never from the offline run's axis means: those come
     * from the pairwise judge (both answers side by side, with the reference), which online {@code score} does not
     * reproduce; on the bundled example B's own outputs score 2.91 on Accuracy pointwise against 3.85 pairwise, so a limit
     * of 3.85 x 0.8 paused a healthy canary in every window. Limit and online means must come from the same instrument.
     */
    public static List<Guardrail> judge(List<JudgeMeans.Mean> baseline, double headroom, int windows, String folder) {
        Map<String, double[]> sums = new LinkedHashMap<>(); // metric -> {sum of n x mean, n}
        for (JudgeMeans.Mean m : baseline) {
            if (m.n() == 0) continue;
            double[] s = sums.computeIfAbsent(m.metric(), k -> new double[2]);
            s[0] += m.n() * m.mean();
            s[1] += m.n();
        }
        List<Guardrail> out = new ArrayList<>();
        sums.forEach((metric, s) -> {
            double mean = s[0] / s[1];
            out.add(new Guardrail(metric, Direction.MIN, round(mean * (1 - headroom)), windows, Response.PAUSE, "pause exposure",
                    String.format(Locale.ROOT, "pointwise judge mean %.3f of %d scored traces in %s x (1 - %.2f)", mean, (long) s[1], folder, headroom)));
        });
        return out;
    }

    private static void level(List<Guardrail> out, JsonNode ops, String field, String metric, double headroom, int windows, Response r,
                              String label, String what) {
        JsonNode v = ops.get(field);
        if (v == null || !v.isNumber() || v.asDouble() <= 0) return;
        out.add(new Guardrail(metric, Direction.MAX, round(v.asDouble() * (1 + headroom)), windows, r, label,
                String.format(Locale.ROOT, "%s %.6g x (1 + %.2f)", what, v.asDouble(), headroom)));
    }

    private static void errorRate(List<Guardrail> out, JsonNode report, JsonNode ops, int windows) {
        for (JsonNode g : report.path("manifest").path("policy").path("guardrails")) {
            if (g.path("metric").asText().equals("error_rate_max") && g.path("limit").isNumber()) {
                out.add(new Guardrail("error_rate", Direction.MAX, g.path("limit").asDouble(), windows, Response.ROLLBACK, "rollback treatment",
                        "the run's pre-registered error_rate_max"));
                return;
            }
        }
        int n = ops.path("outcomes").asInt(0);
        if (n == 0) return;
        Interval i = WilsonScore.interval(ops.path("errorOutcomes").asInt(0), n, 0.05);
        out.add(new Guardrail("error_rate", Direction.MAX, round(i.upper()), windows, Response.ROLLBACK, "rollback treatment",
                String.format(Locale.ROOT, "upper 95%% Wilson bound of the offline error rate %d/%d", ops.path("errorOutcomes").asInt(0), n)));
    }

    /** A metric-name form of a rubric name: "Policy citation" -> policy_citation. */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "unnamed" : s;
    }

    /** Six significant digits: limits are read by people. */
    private static double round(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
    }
}
