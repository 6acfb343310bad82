package dev.promptarena.canary;

import java.util.List;
import java.util.Map;

/**
 * A canary rollout plan ({@code canary-plan.yaml}): how to route, which guardrails to watch, and the ramp.
 *
 * @param experimentId the experiment id (the salt of the user scheme)
 * @param scheme       the routing scheme
 * @param routingKey   the field the router hashes, e.g. user_id or conversation_id
 * @param salt         the salt the scheme uses
 * @param control      control variant name as it appears in the window metrics
 * @param treatment    treatment variant name
 * @param srmAlpha     the per-window sample-ratio alarm level
 * @param guardrails   the aggregate guardrails
 * @param stages       the ramp, in order, ending at 100%
 * @param provenance   where the plan came from (run id, config hash, outcome) — informational
 */
public record CanaryPlan(String experimentId, BucketingScheme scheme, String routingKey, String salt, String control, String treatment,
                         double srmAlpha, List<Guardrail> guardrails, List<Stage> stages, Map<String, String> provenance) {
    public CanaryPlan {
        guardrails = List.copyOf(guardrails);
        stages = List.copyOf(stages);
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
        if (stages.isEmpty()) throw new IllegalArgumentException("a plan needs at least one stage");
        for (int i = 1; i < stages.size(); i++) {
            if (stages.get(i).percent() <= stages.get(i - 1).percent()) throw new IllegalArgumentException("stage percents must increase");
        }
        if (control.equals(treatment)) throw new IllegalArgumentException("control and treatment must differ");
    }

    /** The guardrail as it applies at {@code stage} (with that stage's override of the limit, if any). */
    public Guardrail at(Guardrail g, int stage) {
        Double override = stages.get(stage).limits().get(g.metric());
        return override == null ? g : g.withLimit(override);
    }
}
