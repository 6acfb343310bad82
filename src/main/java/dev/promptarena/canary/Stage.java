package dev.promptarena.canary;

import java.util.Map;

/**
 * One step of the ramp.
 *
 * @param percent        treatment share of traffic, in (0, 100]
 * @param minHours       the stage lasts at least this long before it may advance
 * @param limits         per-stage overrides of guardrail limits, by metric
 * @param treatmentUnits treatment units needed at this split to detect the pre-registered online effect (null if not planned)
 * @param totalUnits     all units (both arms) needed at this split
 */
public record Stage(double percent, double minHours, Map<String, Double> limits, Long treatmentUnits, Long totalUnits) {
    public Stage {
        if (!(percent > 0 && percent <= 100)) throw new IllegalArgumentException("percent must be in (0, 100], got: " + percent);
        if (!(minHours >= 0)) throw new IllegalArgumentException("min_hours must be >= 0, got: " + minHours);
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }

    public double fraction() { return percent / 100; }
}
