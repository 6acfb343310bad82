package dev.promptarena.config;

import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.decision.GuardrailSpec;
import dev.promptarena.input.DidYouMean;
import dev.promptarena.input.InputException;
import dev.promptarena.input.YamlNode;
import dev.promptarena.rubric.RubricLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code decision:} block of an arena config: the pre-registered policy. */
final class PolicyLoader {
    private PolicyLoader() {}

    static DecisionPolicy policy(YamlNode node, Path rubric) {
        if (node == null) return DecisionPolicy.defaults();
        node.allowOnly("test", "margin", "alpha", "guardrails", "sequential", "min_effect", "guardrail_alpha", "metric");
        YamlNode test = node.get("test");
        DecisionPolicy.Test kind = test == null ? DecisionPolicy.Test.SUPERIORITY
                : DecisionPolicy.Test.valueOf(test.oneOf("superiority", "non_inferiority").toUpperCase());
        double margin = node.number("margin", 0.0);
        if (kind == DecisionPolicy.Test.NON_INFERIORITY && node.get("margin") == null) throw node.error("non_inferiority needs a margin");
        if (kind == DecisionPolicy.Test.SUPERIORITY && node.get("margin") != null) {
            // Silently ignoring it would gate on a claim the team did not write down.
            throw node.get("margin").error("a margin only applies to test: non_inferiority; remove it or set test: non_inferiority");
        }
        Double minEffect = node.number("min_effect", null);
        List<GuardrailSpec> guardrails = GuardrailSpec.defaults();
        YamlNode g = node.get("guardrails");
        if (g != null) {
            g.allowOnly(GuardrailSpec.METRICS.toArray(String[]::new));
            Map<String, GuardrailSpec> merged = new LinkedHashMap<>();
            guardrails.forEach(s -> merged.put(s.key(), s));
            g.entries().forEach((k, v) -> {
                if (k.equals(GuardrailSpec.SIMILARITY_DROP) && !new RubricLoader().load(rubric).needsEmbedder()) {
                    throw v.error("needs a similarity check in " + rubric + " (type: similarity); without one it could never be measured");
                }
                if (!k.equals(GuardrailSpec.CHECK_PASS_DROP)) {
                    merged.put(k, spec(k, null, v));
                    return;
                }
                // check_pass_drop_max: {check_name: limit, ...}, names validated against the rubric's checks.
                List<String> checks = new RubricLoader().load(rubric).checkNames();
                if (!v.isMapping() || v.entries().isEmpty()) throw v.error("expected a mapping of check name to limit, e.g. {valid_json: 0.0}");
                v.entries().forEach((name, limit) -> {
                    if (!checks.contains(name)) {
                        String hint = DidYouMean.nearest(name, checks);
                        throw new InputException(limit.file(), limit.line(), limit.path(), "no check named '" + name + "' in " + rubric
                                + (hint != null ? " (did you mean '" + hint + "'?)" : "")
                                + (checks.isEmpty() ? "; the rubric has no checks" : "; defined: " + String.join(", ", checks)));
                    }
                    GuardrailSpec spec = spec(k, name, limit);
                    merged.put(spec.key(), spec);
                });
            });
            guardrails = List.copyOf(merged.values());
        }
        try {
            DecisionPolicy.Metric metric = node.get("metric") == null ? null : DecisionPolicy.Metric.valueOf(node.get("metric")
                    .oneOf("win_rate", "length_controlled_win_rate", "human_corrected_win_rate").toUpperCase(java.util.Locale.ROOT));
            if (metric == DecisionPolicy.Metric.HUMAN_CORRECTED_WIN_RATE && node.get("sequential") != null) {
                // Interim looks stop on the judge's verdicts during the run; the labels that correct them come after it.
                throw node.get("metric").error("human_corrected_win_rate needs human labels after the run, so it cannot drive a"
                        + " sequential design's interim looks; remove sequential: or use win_rate");
            }
            return new DecisionPolicy(kind, margin, node.number("alpha", 0.05), guardrails, minEffect, node.number("guardrail_alpha", null),
                    metric, SequentialConfigReader.read(node.get("sequential")));
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    /** A guardrail value: a limit, or {limit: x, mode: harm_proven | safety_proven} for a metric decided on an interval. */
    private static GuardrailSpec spec(String metric, String check, YamlNode v) {
        if (!v.isMapping()) return checked(v, () -> new GuardrailSpec(metric, v.number(), check));
        if (!GuardrailSpec.WITH_INTERVAL.contains(metric)) {
            throw v.error("only " + String.join(", ", GuardrailSpec.WITH_INTERVAL) + " take a mode; give " + metric + " a number");
        }
        v.allowOnly("limit", "mode");
        YamlNode mode = v.get("mode");
        GuardrailSpec.Mode m = mode == null ? GuardrailSpec.Mode.HARM_PROVEN
                : GuardrailSpec.Mode.valueOf(mode.oneOf("harm_proven", "safety_proven").toUpperCase(java.util.Locale.ROOT));
        YamlNode limit = v.require("limit");
        return checked(limit, () -> new GuardrailSpec(metric, limit.number(), check, m));
    }

    /** The spec's own range check (a rate in [0, 1], other limits >= 0) reported at the line of the limit. */
    private static GuardrailSpec checked(YamlNode limit, java.util.function.Supplier<GuardrailSpec> spec) {
        try {
            return spec.get();
        } catch (IllegalArgumentException e) {
            throw limit.error(e.getMessage());
        }
    }
}
