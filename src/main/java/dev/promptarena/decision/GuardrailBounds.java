package dev.promptarena.decision;

import dev.promptarena.stats.CheckSummary;
import dev.promptarena.stats.Evidence;
import dev.promptarena.stats.GuardrailSamples;
import dev.promptarena.stats.OneSidedBounds;
import dev.promptarena.stats.QuantileBootstrap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Decides the guardrails that have a one-sided interval ({@link GuardrailSpec#WITH_INTERVAL}); see {@link Guardrails}. */
final class GuardrailBounds {
    private GuardrailBounds() {}

    /** The interval decision for {@code spec}, or null when it has no interval (the point estimate then decides). */
    static GuardrailResult decide(GuardrailSpec spec, GuardrailResult point, List<CheckSummary> checks, GuardrailSamples samples,
                                  double gamma) {
        boolean harm = spec.mode() == GuardrailSpec.Mode.HARM_PROVEN;
        Double bound;
        double level;
        String what;
        Double observed = point.observed();
        if (spec.metric().equals("axis_drop_max")) {
            Map<String, double[]> axisDrops = samples.axisDrops();
            if (axisDrops.isEmpty()) return null;
            double each = gamma / axisDrops.size();
            bound = null;
            String worst = null;
            for (Map.Entry<String, double[]> e : axisDrops.entrySet()) {
                Double b = harm ? OneSidedBounds.meanLower(e.getValue(), each) : OneSidedBounds.meanUpper(e.getValue(), each);
                if (b != null && (bound == null || b > bound)) { bound = b; worst = e.getKey(); }
            }
            level = 1 - each;
            what = String.format(Locale.ROOT, "largest %s bound over %d axes (%s), each at %.4g one-sided (t, Bonferroni)",
                    harm ? "lower" : "upper", axisDrops.size(), worst, each);
            if (observed == null) {
                observed = axisDrops.values().stream().mapToDouble(d -> Arrays.stream(d).average().orElse(0)).max().orElse(0);
            }
        } else if (spec.metric().equals(GuardrailSpec.CHECK_PASS_DROP)) {
            CheckSummary c = checks.stream().filter(x -> x.name().equals(spec.check())).findFirst().orElse(null);
            if (c == null || c.pairs() == 0) return null;
            // Repeats of a case are clusters: effective counts (divided by the design effect) keep the bound's level.
            double de = c.designEffect();
            bound = harm ? OneSidedBounds.pairedDifferenceLower(c.aOnly() / de, c.bOnly() / de, c.pairs() / de, gamma)
                    : OneSidedBounds.pairedDifferenceUpper(c.aOnly() / de, c.bOnly() / de, c.pairs() / de, gamma);
            level = 1 - gamma;
            what = String.format(Locale.ROOT, "%s bound at %.4g one-sided (Agresti-Min%s)", harm ? "lower" : "upper", gamma,
                    c.clustered() ? String.format(Locale.ROOT, " on counts divided by the design effect %.3g of repeats", de) : "");
        } else if (spec.metric().equals("latency_p95_increase_ms") && observed != null
                && samples.latencyA().length < QuantileBootstrap.MIN_CASES) {
            return tooFewCases(spec, point, observed, samples.latencyA().length, harm, gamma);
        } else {
            // A metric the run could not measure stays "not measurable" rather than being bounded on no data.
            if (observed == null) return null;
            OperationalBounds.Bound b = OperationalBounds.of(spec.metric(), samples, harm, gamma);
            if (b == null) return null;
            bound = b.value();
            level = b.level();
            what = b.what();
        }
        if (bound == null) return null;
        boolean breached = harm ? bound > spec.limit() : !(bound <= spec.limit());
        String detail = String.format(Locale.ROOT, "%s; %s mode: %s is %.4g against the limit %.4g%s.", point.detail().replace(", breached", "").replaceAll("\\.$", ""),
                harm ? "harm_proven" : "safety_proven", what, bound, spec.limit(),
                breached ? (harm ? ", so B is shown worse than the limit: breached" : ", so B is not shown within the limit: breached") : "");
        return new GuardrailResult(point.metric(), Evidence.PRIMARY, observed, spec.limit(), breached, detail, spec.mode(), bound, level);
    }

    /**
     * The p95 bootstrap is liberal below {@link QuantileBootstrap#MIN_CASES} cases (A/A breach 8.6% at 10 cases, 3.4% at
     * 20, at γ = 0.025; docs/statistics.md §18), so with fewer cases it does not decide: nothing can be shown either way,
     * which is "not breached" when harm must be proven and "breached" when safety must be.
     */
    private static GuardrailResult tooFewCases(GuardrailSpec spec, GuardrailResult point, double observed, int cases, boolean harm,
                                               double gamma) {
        String detail = String.format(Locale.ROOT, "%s; %s mode: not enough cases for a p95 bound (%d, at least %d needed), so B is %s.",
                point.detail().replace(", breached", "").replaceAll("\\.$", ""), harm ? "harm_proven" : "safety_proven", cases,
                QuantileBootstrap.MIN_CASES, harm ? "not shown worse than the limit" : "not shown within the limit: breached");
        return new GuardrailResult(point.metric(), Evidence.PRIMARY, observed, spec.limit(), !harm, detail, spec.mode(), null, 1 - gamma);
    }
}
