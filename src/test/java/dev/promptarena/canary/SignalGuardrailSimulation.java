package dev.promptarena.canary;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A guardrail on a signal rate fed by {@code canary check --signals} ({@code task_completed_rate >= limit}, pause, two
 * consecutive windows) through the real {@link Monitor}: used with few seeds by {@link SignalGuardrailFalseAlarmTest} and
 * with many by {@code bench/canary-false-alarms.sh} (docs/statistics.md 13).
 *
 * <p>Each window holds {@code turns} turns of the treatment in sessions of 1-6 turns (the last one cut at the window's
 * end). Turns of one session are correlated, as in real logs (a user who gets things done completes several tasks): each
 * session draws its own completion probability from a Beta with mean {@code trueRate} and intra-session correlation
 * {@code icc} (0: independent turns), so the true rate of every turn is exactly {@code trueRate}. The window's value is the
 * share of its turns with {@code task_completed}, the {@code rate} {@code signals-windows.csv} gives that window.
 */
public final class SignalGuardrailSimulation {
    private SignalGuardrailSimulation() {}

    /** The number of the window's {@code turns} turns of the treatment that completed their task. */
    static int completed(int turns, double trueRate, double icc, RandomGenerator rng) {
        BetaDistribution propensity = icc <= 0 ? null
                : new BetaDistribution(rng, trueRate * (1 - icc) / icc, (1 - trueRate) * (1 - icc) / icc, BetaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        int done = 0, k = 0;
        while (done < turns) {
            double q = propensity == null ? trueRate : propensity.sample();
            for (int t = 1 + rng.nextInt(6); t > 0 && done < turns; t--, done++) if (rng.nextDouble() < q) k++;
        }
        return k;
    }

    /** One stage of {@code windows} hourly windows with the guardrail task_completed_rate >= {@code limit}. */
    public static CanarySimulation.StageOutcome stage(int turns, double trueRate, double icc, double limit, int windows, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        CanaryPlan plan = new CanaryPlan("sim", BucketingScheme.USER, "user_id", "sim", "control", "treatment", SampleRatio.DEFAULT_ALPHA,
                List.of(new Guardrail("task_completed_rate", Direction.MIN, limit, 2, Response.PAUSE, null, "")),
                List.of(new Stage(1, windows, Map.of(), null, null), new Stage(100, 0, Map.of(), null, null)), Map.of());
        MonitorState state = MonitorState.initial();
        Instant t0 = Instant.parse("2026-05-01T00:00:00Z");
        Action last = Action.HOLD;
        for (int w = 0; w < windows; w++) {
            Instant start = t0.plusSeconds(3600L * w);
            Map<String, Window.VariantMetrics> v = new LinkedHashMap<>();
            v.put("treatment", new Window.VariantMetrics(null, Map.of("task_completed_rate", completed(turns, trueRate, icc, rng) / (double) turns)));
            Monitor.Step step = Monitor.step(plan, state, new Window(start, start.plusSeconds(3600), v, 0));
            last = step.action();
            if (last == Action.PAUSE) return new CanarySimulation.StageOutcome(last, w + 1);
            state = step.next();
        }
        return new CanarySimulation.StageOutcome(last, windows);
    }

    /** The per-stage limit {@code canary plan --units-per-hour} writes for a window of {@code turns} turns (StageLimits, 1% alert at the limit). */
    public static double stageLimit(double limit, int turns) {
        return StageLimits.at(List.of(new Guardrail("task_completed_rate", Direction.MIN, limit, 2, Response.PAUSE, null, "")), turns, 0.01)
                .get("task_completed_rate");
    }

    static double pauseRate(int seeds, int turns, double trueRate, double icc, double limit, long seed0) {
        int pauses = 0;
        for (int s = 0; s < seeds; s++) if (stage(turns, trueRate, icc, limit, 24, seed0 + s).action() == Action.PAUSE) pauses++;
        return pauses / (double) seeds;
    }

    /** Prints the task_completed_rate table of docs/statistics.md 13. Args: SEEDS (default 2000). */
    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.println("# task_completed_rate guardrail (min 0.55, pause, 2 consecutive windows, 24-window stage): healthy treatment 0.60,"
                + " at the limit 0.55, drops to 0.50 and 0.45; sessions of 1-6 turns, intra-session correlation icc; limit: the plan's 0.55"
                + " or the stage limit of `canary plan --units-per-hour` at that window size");
        System.out.println("turns/window icc limit pause_0.60(false) pause_0.55(at_limit) detect_0.50 detect_0.45");
        for (double icc : new double[] {0, 0.2}) {
            for (int turns : new int[] {50, 100, 200, 500, 1000}) {
                for (double limit : new double[] {0.55, stageLimit(0.55, turns)}) {
                    System.out.printf(Locale.ROOT, "%d %.1f %.3f %.4f %.4f %.4f %.4f%n", turns, icc, limit, pauseRate(seeds, turns, 0.60, icc, limit, 6_000_000L),
                            pauseRate(seeds, turns, 0.55, icc, limit, 7_000_000L), pauseRate(seeds, turns, 0.50, icc, limit, 8_000_000L),
                            pauseRate(seeds, turns, 0.45, icc, limit, 9_000_000L));
                }
            }
        }
    }
}
