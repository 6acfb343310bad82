package dev.promptarena.planning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.promptarena.planning.PlanRequest.Kind;
import java.util.List;

/** Judged cases the gate's win-rate test needs; {@code margin} 0 is a superiority test. */
public record WinRatePlan(Kind kind, double alpha, double power, double winRate, double tieRate, double threshold, int cases,
                          @JsonIgnore double margin) implements Plan {
    @Override
    public List<String> lines() {
        return List.of(String.format("Pairwise win rate %.3f vs %.3f (%s), tie rate %.2f (two-sided alpha %.3g, power %.2f):",
                        winRate, threshold, margin == 0 ? "superiority" : "non-inferiority, margin " + margin, tieRate, alpha, power),
                String.format("  %,d judged cases (scored: add headroom for generation errors and unparseable verdicts).", cases));
    }
}
