package dev.promptarena.planning;

import dev.promptarena.planning.PlanRequest.Kind;
import java.util.List;

/** Cases for two independent arms, {@code baseline} to {@code baseline + mde}. */
public record ProportionsPlan(Kind kind, double alpha, double power, double baseline, double mde, int perArm, int total) implements Plan {
    @Override
    public List<String> lines() {
        return List.of(String.format("Two independent arms, %.3f -> %.3f (two-sided alpha %.3g, power %.2f):", baseline, baseline + mde, alpha, power),
                String.format("  %,d per arm, %,d in total.", perArm, total));
    }
}
