package dev.promptarena.canary;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * Simulated canaries of known behaviour through the real assignment and monitor: used with few seeds by
 * {@link CanaryFalseAlarmTest} and with many by {@code bench/canary-false-alarms.sh} (figures in docs/statistics.md).
 */
public final class CanarySimulation {
    private CanarySimulation() {}

    /**
     * Share of windows whose sample-ratio check fires when {@code units} fresh ids per window are hashed by the real
     * {@link Assigner} at {@code fraction} and a share {@code treatmentLoss} of the treatment's units is lost in logging.
     */
    public static double srmAlarmRate(int windows, int units, double fraction, double treatmentLoss, long seed) {
        Well19937c rng = new Well19937c(seed);
        int alarms = 0;
        for (int w = 0; w < windows; w++) {
            Assigner a = new Assigner(BucketingScheme.USER, "exp-" + seed + "-" + w, fraction, "control", "treatment");
            long c = 0, t = 0;
            for (int i = 0; i < units; i++) {
                if (a.assign("user-" + i).variant().equals("treatment")) {
                    if (rng.nextDouble() >= treatmentLoss) t++;
                } else c++;
            }
            if (SampleRatio.test(new long[] {c, t}, new double[] {1 - fraction, fraction}).mismatch(SampleRatio.DEFAULT_ALPHA)) alarms++;
        }
        return alarms / (double) windows;
    }

    /** What happened to one simulated stage. */
    public record StageOutcome(Action action, int windowsToAction) {}

    /**
     * Runs one stage of {@code windows} hourly windows: the treatment's error count per window is
     * Binomial(units, trueRate) and the guardrail is error_rate max {@code limit} with the given persistence.
     * Returns the first PAUSE/ROLLBACK (and its window) or ADVANCE/HOLD at the end.
     */
    public static StageOutcome errorRateStage(int windows, int units, double trueRate, double limit, int consecutive, long seed) {
        CanaryPlan plan = new CanaryPlan("sim", BucketingScheme.USER, "user_id", "sim", "control", "treatment", SampleRatio.DEFAULT_ALPHA,
                List.of(new Guardrail("error_rate", Direction.MAX, limit, consecutive, Response.ROLLBACK, null, "")),
                List.of(new Stage(1, windows, Map.of(), null, null), new Stage(100, 0, Map.of(), null, null)), Map.of());
        BinomialDistribution errors = new BinomialDistribution(new Well19937c(seed), units, trueRate);
        MonitorState state = MonitorState.initial();
        Instant t0 = Instant.parse("2026-05-01T00:00:00Z");
        Action last = Action.HOLD;
        for (int w = 0; w < windows; w++) {
            Map<String, Window.VariantMetrics> v = new LinkedHashMap<>();
            v.put("treatment", new Window.VariantMetrics(null, Map.of("error_rate", errors.sample() / (double) units)));
            Monitor.Step step = Monitor.step(plan, state, new Window(t0.plusSeconds(3600L * w), t0.plusSeconds(3600L * (w + 1)), v, 0));
            last = step.action();
            if (last == Action.ROLLBACK || last == Action.PAUSE) return new StageOutcome(last, w + 1);
            state = step.next();
        }
        return new StageOutcome(last, windows);
    }

    /** False rollback (true rate 0.0005) and detection rates (true 0.003 and 0.01) with a given limit, 2 consecutive windows. */
    private static void stageLimitRow(int seeds, int units, double limit) {
        int falseAlarms = 0, d3 = 0, d10 = 0;
        for (int s = 0; s < seeds; s++) {
            if (errorRateStage(24, units, 0.0005, limit, 2, s).action() == Action.ROLLBACK) falseAlarms++;
            if (errorRateStage(24, units, 0.003, limit, 2, 1_000_000L + s).action() == Action.ROLLBACK) d3++;
            if (errorRateStage(24, units, 0.01, limit, 2, 2_000_000L + s).action() == Action.ROLLBACK) d10++;
        }
        System.out.printf("%d %s %.4f %.4f %.4f%n", units, limit, falseAlarms / (double) seeds, d3 / (double) seeds, d10 / (double) seeds);
    }

    /** Prints the tables of docs/statistics.md. Args: SEEDS (default 2000). */
    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.println("# SRM check (p < 0.001), user scheme through Assigner, 10,000 units per window at 5%");
        System.out.printf("A/A (no loss): alarm rate %.4f over %d windows%n", srmAlarmRate(seeds, 10_000, 0.05, 0, 1), seeds);
        for (double loss : new double[] {0.01, 0.03, 0.05}) {
            System.out.printf("%.0f%% of treatment units lost, 100,000 units at 20%%: alarm rate %.3f over 200 windows%n", 100 * loss,
                    srmAlarmRate(200, 100_000, 0.20, loss, 2));
        }
        System.out.println("# error_rate guardrail (max 0.001) over a 24-window stage; true rate 0.0005 (A/A-like) and 0.003 (3x the limit)");
        System.out.println("units/window consecutive false_rollback_rate detection_rate mean_windows_to_detect");
        for (int units : new int[] {1_000, 10_000, 100_000}) {
            for (int k : new int[] {1, 2, 3}) {
                int falseAlarms = 0, detected = 0;
                long windowsToDetect = 0;
                for (int s = 0; s < seeds; s++) {
                    if (errorRateStage(24, units, 0.0005, 0.001, k, s).action() == Action.ROLLBACK) falseAlarms++;
                    StageOutcome bad = errorRateStage(24, units, 0.003, 0.001, k, 1_000_000L + s);
                    if (bad.action() == Action.ROLLBACK) {
                        detected++;
                        windowsToDetect += bad.windowsToAction();
                    }
                }
                System.out.printf("%d %d %.4f %.4f %.2f%n", units, k, falseAlarms / (double) seeds, detected / (double) seeds,
                        detected == 0 ? Double.NaN : windowsToDetect / (double) detected);
            }
        }
        System.out.println("# plan limit 0.001 vs the per-stage limit of `canary plan --units-per-hour` (StageLimits, 1% per-window alert at the limit)");
        System.out.println("units/window limit false_rollback detect_0.003 detect_0.01 (2 consecutive windows, 24-window stage)");
        for (int units : new int[] {1_000, 10_000}) {
            stageLimitRow(seeds, units, 0.001);
            stageLimitRow(seeds, units, StageLimits.at(List.of(new Guardrail("error_rate", Direction.MAX, 0.001, 2, Response.ROLLBACK, null, "")),
                    units, 0.01).get("error_rate"));
        }
    }
}
