package dev.promptarena.canary;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The traffic per hour that sizes each rate guardrail's stage limits ({@code canary plan --units-per-hour}). A rate is a
 * share of its own units, and they need not be the export's: {@code error_rate} may be per request or per conversation,
 * a signal rate ({@code task_completed_rate}, from {@code --signals}) is always per turn, and a conversation has several
 * turns. Sized with the wrong count, a stage limit's allowance is off by √(ratio): with 3.5 turns per conversation, a
 * signal rate sized in conversations gets an allowance 1.9 times too wide (blind to drops), an error rate per
 * conversation sized in turns one 1.9 times too narrow (false alerts). So each rate may have its own count; a bare
 * number serves every rate not named.
 *
 * @param all      units per hour for every rate guardrail not named (null: none)
 * @param byMetric units per hour of one rate guardrail's units, by metric
 */
public record UnitsPerHour(Double all, Map<String, Double> byMetric) {
    public UnitsPerHour {
        byMetric = Map.copyOf(byMetric);
    }

    /** No traffic given: no stage limits. */
    public static final UnitsPerHour NONE = new UnitsPerHour(null, Map.of());

    /**
     * From the option's values, each {@code N} (every rate) or {@code METRIC=N}; at most one bare number and one value per metric.
     *
     * @throws IllegalArgumentException naming the value that is wrong
     */
    public static UnitsPerHour parse(List<String> values) {
        Double all = null;
        Map<String, Double> byMetric = new LinkedHashMap<>();
        for (String raw : values) {
            String v = raw.strip();
            int eq = v.indexOf('=');
            String metric = eq < 0 ? null : v.substring(0, eq).strip();
            double n = number(eq < 0 ? v : v.substring(eq + 1).strip(), raw);
            if (metric == null) {
                if (all != null) throw new IllegalArgumentException("--units-per-hour: one bare number serves every rate, got two (" + all + " and '" + raw + "')");
                all = n;
            } else {
                if (metric.isEmpty()) throw new IllegalArgumentException("--units-per-hour: expected N or METRIC=N, got '" + raw + "'");
                if (byMetric.put(metric, n) != null) throw new IllegalArgumentException("--units-per-hour: " + metric + " is given twice");
            }
        }
        return new UnitsPerHour(all, byMetric);
    }

    private static double number(String text, String raw) {
        double n;
        try {
            n = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--units-per-hour: expected N or METRIC=N with N a number, got '" + raw + "'");
        }
        if (!(n > 0) || Double.isInfinite(n)) throw new IllegalArgumentException("--units-per-hour must be a finite number > 0, got '" + raw + "'");
        return n;
    }

    /** The units per hour of a metric's guardrail: its own, else the bare number, else null (no stage limit). */
    public Double of(String metric) {
        return byMetric.getOrDefault(metric, all);
    }

    /**
     * Refuses a named metric that is not a rate guardrail of the plan: its number would size nothing, silently (a typo, or a
     * metric whose limit is not in (0, 1)).
     */
    public void requireRates(Collection<Guardrail> guardrails) {
        List<String> rates = guardrails.stream().filter(StageLimits::isRate).map(Guardrail::metric).toList();
        for (String metric : byMetric.keySet()) {
            if (!rates.contains(metric)) {
                throw new IllegalArgumentException("--units-per-hour: " + metric + " is not a rate guardrail of the plan (rate guardrails: "
                        + (rates.isEmpty() ? "none" : String.join(", ", rates)) + ")");
            }
        }
    }

    /** Per-stage limits of the rate guardrails at a stage of {@code percent}% with windows of {@code windowHours}. */
    public Map<String, Double> stageLimits(List<Guardrail> guardrails, double percent, double windowHours) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Guardrail g : guardrails) {
            Double perHour = StageLimits.isRate(g) ? of(g.metric()) : null;
            if (perHour != null) out.putAll(StageLimits.at(List.of(g), perHour * windowHours * percent / 100, StageLimits.ALERT_RATE));
        }
        return out;
    }
}
