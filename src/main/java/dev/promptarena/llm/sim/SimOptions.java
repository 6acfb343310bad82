package dev.promptarena.llm.sim;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Settings of the simulated provider (under {@code providers.<name>.options}). The judge settings give it a
 * personality of known behaviour, so what the statistics say about a judge can be checked against the truth.
 *
 * @param noise           0..1: how often a generated answer loses a feature, and the heuristic judge's score noise
 * @param positionBias    0..1: probability that the judge simply picks the first-shown response (1: always first)
 * @param unparseableRate 0..1: probability that a judge reply is not valid JSON (exercises repair)
 * @param latencyMillis   simulated latency per call
 * @param judge           the judge's personality: {@code heuristic} (rubric heuristics) or {@code preference}
 * @param preference      0..1, with {@code judge: preference}: probability of picking the response matching
 *                        {@code prefer} when exactly one does (0.5: no preference; otherwise a coin)
 * @param prefer          the pattern that marks the preferred response
 * @param tieRate         0..1, with {@code judge: preference}: probability of a tie
 * @param lengthBias      0..1: probability that the judge simply picks the longer response (1: always longer)
 * @param seed            mixed into every draw, so simulated runs with different seeds are independent
 * @param latencyJitterMillis mean of an exponential draw added to the <em>reported</em> latency of each call (the call
 *                        still waits only {@code latencyMillis}), so latency guardrails see per-case variation without
 *                        simulations taking longer; 0 (default): every call reports {@code latencyMillis}
 */
public record SimOptions(double noise, double positionBias, double unparseableRate, long latencyMillis, Personality judge,
                         double preference, Pattern prefer, double tieRate, double lengthBias, long seed, long latencyJitterMillis) {
    /** How the simulated judge decides when no bias takes over. */
    public enum Personality { HEURISTIC, PREFERENCE }

    static final List<String> KEYS = List.of("noise", "position_bias", "unparseable_rate", "latency_ms", "judge", "preference",
            "prefer", "tie_rate", "length_bias", "seed", "latency_jitter_ms");

    public SimOptions {
        check("noise", noise);
        check("position_bias", positionBias);
        check("unparseable_rate", unparseableRate);
        check("preference", preference);
        check("tie_rate", tieRate);
        check("length_bias", lengthBias);
        if (latencyMillis < 0) throw new IllegalArgumentException("latency_ms must be >= 0, got: " + latencyMillis);
        if (latencyJitterMillis < 0) throw new IllegalArgumentException("latency_jitter_ms must be >= 0, got: " + latencyJitterMillis);
    }

    private static void check(String name, double v) {
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException(name + " must be in [0, 1], got: " + v);
    }

    public static SimOptions from(Map<String, String> options) {
        for (String k : options.keySet()) {
            if (!KEYS.contains(k)) throw new IllegalArgumentException("unknown sim option '" + k + "'; allowed: " + String.join(", ", KEYS));
        }
        String judge = options.getOrDefault("judge", "heuristic").trim();
        if (!List.of("heuristic", "preference").contains(judge)) {
            throw new IllegalArgumentException("judge must be heuristic or preference, got '" + judge + "'");
        }
        Pattern prefer;
        try {
            prefer = Pattern.compile(options.getOrDefault("prefer", "\\[candidate\\]"));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("prefer is not a valid pattern: " + e.getDescription());
        }
        return new SimOptions(num(options, "noise", 0.15), num(options, "position_bias", 0.0),
                num(options, "unparseable_rate", 0.0), (long) num(options, "latency_ms", 0),
                Personality.valueOf(judge.toUpperCase(java.util.Locale.ROOT)), num(options, "preference", 0.5), prefer,
                num(options, "tie_rate", 0.0), num(options, "length_bias", 0.0), (long) num(options, "seed", 0),
                (long) num(options, "latency_jitter_ms", 0));
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
