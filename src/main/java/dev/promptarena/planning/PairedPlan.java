package dev.promptarena.planning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.promptarena.planning.PlanRequest.Kind;
import java.util.List;

/**
 * Cases a paired per-case score difference needs. The pilot's fields are absent when the SD was given.
 *
 * @param fromPilot true when the effect is the pilot's observed difference (no --mde), which the text flags as optimistic
 */
public record PairedPlan(Kind kind, double alpha, double power, @JsonInclude(Include.NON_NULL) String pilot,
                         @JsonInclude(Include.NON_NULL) String axis, @JsonInclude(Include.NON_NULL) Integer pilotCases,
                         @JsonInclude(Include.NON_NULL) Double pilotMeanDifference, double sd, double mde, int cases,
                         @JsonIgnore boolean fromPilot) implements Plan {
    @Override
    public List<String> lines() {
        return List.of(String.format("Paired difference %.3f with SD of differences %.3f%s (two-sided alpha %.3g, power %.2f):",
                        mde, sd, fromPilot ? " (the pilot's observed difference: optimistic if the pilot was lucky)" : "", alpha, power),
                String.format("  %,d cases.", cases));
    }
}
