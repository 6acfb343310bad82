package dev.promptarena.canary;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.random.Well19937c;

/**
 * The judge guardrail of {@code canary plan --judge-baseline} through the real {@link Monitor}: used with few seeds by
 * {@link JudgeGuardrailFalseAlarmTest} and with many by {@code bench/canary-false-alarms.sh} (docs/statistics.md 13).
 */
public final class JudgeGuardrailSimulation {
    private JudgeGuardrailSimulation() {}

    /**
     * The pointwise score distributions (shares of 1..5) of the bundled example's B outputs under its sim judge, as
     * {@code prompt-arena score} gave them over 102 traces (CanaryPathEndToEndTest's treatment): Policy citation is
     * bimodal (1 or 5), the largest variance a 1-5 axis shows in practice; Accuracy is concentrated on 3.
     */
    public static final Map<String, double[]> EXAMPLE_AXES = Map.of(
            "policy_citation", new double[] {18, 0, 0, 3, 81},
            "clarity", new double[] {0, 2, 24, 13, 63},
            "accuracy", new double[] {0, 11, 82, 9, 0});

    /**
     * One stage of {@code windows} windows with a judge_&lt;axis&gt;_mean guardrail (min, pause, 2 consecutive windows) as
     * {@code canary plan --judge-baseline} writes it: the limit is the mean of a baseline scoring of {@code baselineTraces}
     * traces x (1 - headroom); each window's mean is of {@code perWindow} scored traces. The treatment's traces follow the
     * same distribution, except that a share {@code degraded} of them scores 1 (a regression the judge sees).
     */
    public static CanarySimulation.StageOutcome judgeStage(double[] shares, int baselineTraces, double headroom, int perWindow, double degraded, int windows,
                                          long seed) {
        Well19937c rng = new Well19937c(seed);
        double baseline = 0;
        for (int i = 0; i < baselineTraces; i++) baseline += draw(shares, rng);
        double limit = baseline / baselineTraces * (1 - headroom);
        CanaryPlan plan = new CanaryPlan("sim", BucketingScheme.USER, "user_id", "sim", "control", "treatment", SampleRatio.DEFAULT_ALPHA,
                List.of(new Guardrail("judge_axis_mean", Direction.MIN, limit, 2, Response.PAUSE, null, "")),
                List.of(new Stage(1, windows, Map.of(), null, null), new Stage(100, 0, Map.of(), null, null)), Map.of());
        MonitorState state = MonitorState.initial();
        Instant t0 = Instant.parse("2026-05-01T00:00:00Z");
        Action last = Action.HOLD;
        for (int w = 0; w < windows; w++) {
            double sum = 0;
            for (int i = 0; i < perWindow; i++) sum += rng.nextDouble() < degraded ? 1 : draw(shares, rng);
            Map<String, Window.VariantMetrics> v = new LinkedHashMap<>();
            v.put("treatment", new Window.VariantMetrics(null, Map.of("judge_axis_mean", sum / perWindow)));
            Monitor.Step step = Monitor.step(plan, state, new Window(t0.plusSeconds(3600L * w), t0.plusSeconds(3600L * (w + 1)), v, 0));
            last = step.action();
            if (last == Action.PAUSE) return new CanarySimulation.StageOutcome(last, w + 1);
            state = step.next();
        }
        return new CanarySimulation.StageOutcome(last, windows);
    }

    private static int draw(double[] shares, Well19937c rng) {
        double total = 0;
        for (double s : shares) total += s;
        double u = rng.nextDouble() * total;
        for (int k = 0; k < shares.length; k++) {
            u -= shares[k];
            if (u < 0) return k + 1;
        }
        return shares.length;
    }

    /** False pause (no change) and detection (30% and 50% of traces degraded to 1) per stage of a judge guardrail. */
    private static void judgeRow(int seeds, String axis, int perWindow) {
        int falsePauses = 0, d30 = 0, d50 = 0;
        for (int s = 0; s < seeds; s++) {
            if (judgeStage(EXAMPLE_AXES.get(axis), 102, 0.2, perWindow, 0, 24, 3_000_000L + s).action() == Action.PAUSE) falsePauses++;
            if (judgeStage(EXAMPLE_AXES.get(axis), 102, 0.2, perWindow, 0.3, 24, 4_000_000L + s).action() == Action.PAUSE) d30++;
            if (judgeStage(EXAMPLE_AXES.get(axis), 102, 0.2, perWindow, 0.5, 24, 5_000_000L + s).action() == Action.PAUSE) d50++;
        }
        System.out.printf(Locale.ROOT, "%s %d %.4f %.4f %.4f%n", axis, perWindow, falsePauses / (double) seeds, d30 / (double) seeds, d50 / (double) seeds);
    }

    /** Prints the judge guardrail table of docs/statistics.md 13. Args: SEEDS (default 2000). */
    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.println("# judge_<axis>_mean guardrail (min, pause, 2 consecutive windows, 24-window stage), limit = mean of a 102-trace baseline"
                + " scoring x 0.8; the example's pointwise score distributions of B");
        System.out.println("axis scored/window false_pause detect_30%_scored_1 detect_50%_scored_1");
        for (String axis : List.of("policy_citation", "clarity", "accuracy")) {
            for (int n : new int[] {5, 10, 20, 40}) judgeRow(seeds, axis, n);
        }
    }
}
