package dev.promptarena.canary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.promptarena.input.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads and writes {@code canary-plan.yaml}; reading names file:line:field on every error, like the arena config. */
public final class CanaryPlanFile {
    private CanaryPlanFile() {}

    public static CanaryPlan read(Path file) {
        YamlNode root = YamlNode.load(file, Map.of());
        if (!root.isMapping()) throw root.error("expected a mapping at the top of a canary plan");
        root.allowOnly("experiment_id", "routing", "variants", "srm_alpha", "guardrails", "stages", "provenance", "primary");
        YamlNode routing = root.require("routing").allowOnly("scheme", "key", "salt");
        YamlNode variants = root.require("variants").allowOnly("control", "treatment");
        String control = variants.require("control").text(), treatment = variants.require("treatment").text();
        if (control.equals(treatment)) throw variants.require("treatment").error("must differ from control");
        List<Guardrail> guardrails = new ArrayList<>();
        for (YamlNode g : root.require("guardrails").list()) guardrails.add(guardrail(g));
        List<Stage> stages = new ArrayList<>();
        double previous = 0;
        for (YamlNode s : root.require("stages").list()) {
            Stage stage = stage(s, guardrails);
            if (stage.percent() <= previous) throw s.require("percent").error("stage percents must increase, got " + stage.percent() + " after " + previous);
            previous = stage.percent();
            stages.add(stage);
        }
        if (stages.isEmpty()) throw root.require("stages").error("at least one stage is required");
        double srmAlpha = root.number("srm_alpha", SampleRatio.DEFAULT_ALPHA);
        if (!(srmAlpha > 0 && srmAlpha < 1)) throw root.require("srm_alpha").error("must be in (0, 1), got " + srmAlpha);
        Map<String, String> provenance = new LinkedHashMap<>();
        YamlNode p = root.get("provenance");
        if (p != null) p.entries().forEach((k, v) -> provenance.put(k, v.isScalar() ? v.text() : ""));
        String scheme = routing.require("scheme").oneOf("user", "conversation");
        return new CanaryPlan(root.require("experiment_id").text(), scheme.equals("user") ? BucketingScheme.USER : BucketingScheme.CONVERSATION,
                routing.text("key", scheme.equals("user") ? "user_id" : "conversation_id"), routing.text("salt", ""), control, treatment,
                srmAlpha, guardrails, stages, provenance);
    }

    private static Guardrail guardrail(YamlNode g) {
        g.allowOnly("metric", "direction", "limit", "consecutive_windows", "action", "label", "source");
        long windows = g.integer("consecutive_windows", 2L);
        if (windows < 1) throw g.require("consecutive_windows").error("must be >= 1, got " + windows);
        return new Guardrail(g.require("metric").text(), Direction.valueOf(g.require("direction").oneOf("max", "min").toUpperCase(Locale.ROOT)),
                g.require("limit").number(), (int) windows, Response.valueOf(g.require("action").oneOf("review", "pause", "rollback").toUpperCase(Locale.ROOT)),
                g.text("label", null), g.text("source", ""));
    }

    private static Stage stage(YamlNode s, List<Guardrail> guardrails) {
        s.allowOnly("percent", "min_hours", "limits", "treatment_units", "total_units");
        double percent = s.require("percent").number();
        if (!(percent > 0 && percent <= 100)) throw s.require("percent").error("must be in (0, 100], got " + percent);
        double hours = s.number("min_hours", 0.0);
        if (hours < 0) throw s.require("min_hours").error("must be >= 0, got " + hours);
        Map<String, Double> limits = new LinkedHashMap<>();
        YamlNode l = s.get("limits");
        if (l != null) {
            for (Map.Entry<String, YamlNode> e : l.entries().entrySet()) {
                if (guardrails.stream().noneMatch(g -> g.metric().equals(e.getKey()))) throw e.getValue().error("no guardrail has this metric");
                limits.put(e.getKey(), e.getValue().number());
            }
        }
        return new Stage(percent, hours, limits, s.integer("treatment_units", null), s.integer("total_units", null));
    }

    /** The plan as YAML, with a comment header; {@code primary} (the pre-registered online effect) is informational. */
    public static String write(CanaryPlan plan, Map<String, Object> primary, List<String> headerComments) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("experiment_id", plan.experimentId());
        Map<String, Object> routing = new LinkedHashMap<>();
        routing.put("scheme", plan.scheme().name().toLowerCase(Locale.ROOT));
        routing.put("key", plan.routingKey());
        routing.put("salt", plan.salt());
        root.put("routing", routing);
        Map<String, Object> variants = new LinkedHashMap<>();
        variants.put("control", plan.control());
        variants.put("treatment", plan.treatment());
        root.put("variants", variants);
        root.put("srm_alpha", plan.srmAlpha());
        List<Map<String, Object>> gs = new ArrayList<>();
        for (Guardrail g : plan.guardrails()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("metric", g.metric());
            m.put("direction", g.direction().name().toLowerCase(Locale.ROOT));
            m.put("limit", g.limit());
            m.put("consecutive_windows", g.consecutiveWindows());
            m.put("action", g.response().name().toLowerCase(Locale.ROOT));
            m.put("label", g.label());
            m.put("source", g.source());
            gs.add(m);
        }
        root.put("guardrails", gs);
        List<Map<String, Object>> ss = new ArrayList<>();
        for (Stage s : plan.stages()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("percent", s.percent());
            m.put("min_hours", s.minHours());
            m.put("limits", s.limits());
            if (s.treatmentUnits() != null) m.put("treatment_units", s.treatmentUnits());
            if (s.totalUnits() != null) m.put("total_units", s.totalUnits());
            ss.add(m);
        }
        root.put("stages", ss);
        root.put("provenance", plan.provenance());
        if (primary != null) root.put("primary", primary);
        StringBuilder sb = new StringBuilder();
        for (String c : headerComments) sb.append("# ").append(c).append('\n');
        try {
            sb.append(new YAMLMapper().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a canary plan", e);
        }
        return sb.toString();
    }
}
