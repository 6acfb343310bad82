package dev.promptarena.decision;

import dev.promptarena.stats.BootstrapResult;
import dev.promptarena.stats.ClusterBootstrap;
import dev.promptarena.stats.GuardrailSamples;
import dev.promptarena.stats.OneSidedBounds;
import dev.promptarena.stats.QuantileBootstrap;
import java.util.Locale;

/**
 * The one-sided bounds of the operational, similarity and truncation guardrails (see {@link GuardrailBounds}), each
 * on cases as units:
 * <ul>
 *   <li>{@code similarity_drop_max}, {@code cost_per_case_increase_usd}: Student t bound on the per-case differences;</li>
 *   <li>{@code latency_p95_increase_ms}: percentile bootstrap of p95(B) − p95(A), resampling cases;</li>
 *   <li>{@code length_growth_max}: BCa bootstrap of the ratio of mean words, resampling cases (a ratio, not a mean);</li>
 *   <li>{@code truncation_rate_max}: Wilson score bound on B's truncation rate (a limit on B's rate, not a difference);
 *       with repeats, whose outcomes of a case are correlated, the BCa bootstrap of the rate resampling cases.</li>
 * </ul>
 */
final class OperationalBounds {
    private OperationalBounds() {}

    /** A bound with its one-sided confidence and a phrase saying how it was computed. */
    record Bound(double value, double level, String what) {}

    /** The bound of {@code metric} (the lower one when {@code lower}), or null when it has none or no data. */
    static Bound of(String metric, GuardrailSamples s, boolean lower, double gamma) {
        String side = lower ? "lower" : "upper";
        String level = String.format(Locale.ROOT, "%.4g one-sided", gamma);
        switch (metric) {
            case GuardrailSpec.SIMILARITY_DROP, "cost_per_case_increase_usd" -> {
                double[] d = metric.equals(GuardrailSpec.SIMILARITY_DROP) ? s.similarityDrops() : s.costIncreases();
                Double b = lower ? OneSidedBounds.meanLower(d, gamma) : OneSidedBounds.meanUpper(d, gamma);
                return b == null ? null : new Bound(b, 1 - gamma, side + " bound at " + level + " (t on " + d.length + " per-case differences)");
            }
            case "latency_p95_increase_ms" -> {
                double[] b = QuantileBootstrap.bounds(s.latencyA(), s.latencyB(), 0.95, gamma, s.seed(), s.resamples());
                return b == null ? null : new Bound(lower ? b[0] : b[1], 1 - gamma, side + " bound at " + level
                        + " (percentile bootstrap over " + s.latencyA().length + " cases, " + s.resamples() + " resamples)");
            }
            case "length_growth_max" -> {
                double totalA = 0;
                for (double w : s.wordsA()) totalA += w;
                if (s.wordsA().length < 2 || totalA == 0) return null;
                BootstrapResult r = new ClusterBootstrap(s.seed() + 1, s.resamples()).ratio(s.wordsB(), s.wordsA(), 2 * gamma);
                double b = (lower ? r.interval().lower() : r.interval().upper()) - 1;
                return new Bound(b, 1 - gamma, side + " bound at " + level + " (" + r.interval().method() + " over "
                        + s.wordsA().length + " cases)");
            }
            case "truncation_rate_max" -> {
                if (s.paired() > s.pairedPerCase().length && s.pairedPerCase().length >= 2) {
                    BootstrapResult r = new ClusterBootstrap(s.seed() + 2, s.resamples()).ratio(s.truncatedPerCase(), s.pairedPerCase(), 2 * gamma);
                    return new Bound(lower ? r.interval().lower() : r.interval().upper(), 1 - gamma, side + " bound at " + level + " ("
                            + r.interval().method() + " over " + s.pairedPerCase().length + " cases with repeats)");
                }
                Double b = lower ? OneSidedBounds.proportionLower(s.truncatedB(), s.paired(), gamma)
                        : OneSidedBounds.proportionUpper(s.truncatedB(), s.paired(), gamma);
                return b == null ? null : new Bound(b, 1 - gamma, side + " bound at " + level + " (Wilson score, "
                        + s.truncatedB() + " of " + s.paired() + ")");
            }
            default -> { return null; }
        }
    }
}
