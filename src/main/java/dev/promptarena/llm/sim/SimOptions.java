package dev.promptarena.llm.sim;

import java.util.Map;

/**
 * Settings of the simulated provider (under {@code providers.<name>.options}).
 *
 * @param noise           0..1: how often a generated answer loses a feature, and the judge's score noise
 * @param positionBias    0..1: probability that the judge simply picks the first-shown response
 * @param unparseableRate 0..1: probability that a judge reply is not valid JSON (exercises repair)
 * @param latencyMillis   simulated latency per call
 */
public record SimOptions(double noise, double positionBias, double unparseableRate, long latencyMillis) {
    public SimOptions {
        check("noise", noise);
        check("position_bias", positionBias);
        check("unparseable_rate", unparseableRate);
        if (latencyMillis < 0) throw new IllegalArgumentException("latency_ms must be >= 0, got: " + latencyMillis);
    }

    private static void check(String name, double v) {
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException(name + " must be in [0, 1], got: " + v);
    }

    public static SimOptions from(Map<String, String> options) {
        for (String k : options.keySet()) {
            if (!java.util.List.of("noise", "position_bias", "unparseable_rate", "latency_ms").contains(k)) {
                throw new IllegalArgumentException("unknown sim option '" + k + "'; allowed: noise, position_bias, unparseable_rate, latency_ms");
            }
        }
        return new SimOptions(num(options, "noise", 0.15), num(options, "position_bias", 0.0),
                num(options, "unparseable_rate", 0.0), (long) num(options, "latency_ms", 0));
    }

    private static double num(Map<String, String> options, String key, double fallback) {
        String v = options.get(key);
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
        }
    }
}
