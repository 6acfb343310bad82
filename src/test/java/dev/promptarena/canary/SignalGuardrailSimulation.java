package dev.promptarena.canary;

import dev.promptarena.stats.ClusteredProportions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A guardrail on a signal rate fed by {@code canary check --signals} ({@code task_completed_rate >= 0.55}, pause, two
 * consecutive windows, 24-window stage) through the real {@link SignalRates#merge} (the {@code --min-turns} rule) and
 * {@link Monitor}: used with few seeds by {@link SignalGuardrailFalseAlarmTest} and with many by
 * {@code bench/canary-false-alarms.sh} (docs/statistics.md 13).
 *
 * <p>Each window holds {@code turns} turns of the treatment in sessions of 1-6 turns (the last one cut at the window's
 * end). Turns of one session are correlated, as in real logs (a user who gets things done completes several tasks): each
 * session draws its own completion probability from a Beta with mean {@code trueRate} and intra-session correlation
 * {@code icc} (0: independent turns), so the true rate of every turn is exactly {@code trueRate}. The window's rate and its
 * design effect are what {@code signals} writes for it (the share of turns with {@code task_completed};
 * {@link ClusteredProportions#rateDesignEffect} over the window's sessions).
 */
public final class SignalGuardrailSimulation {
    private SignalGuardrailSimulation() {}

    static final double LIMIT = 0.55;
    private static final String METRIC = "task_completed_rate";
    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    /** How {@code canary check} reads the window: its turns as independent (before design effects) or clustered by session. */
    public enum Reading { INDEPENDENT, CLUSTERED }

    /**
     * One simulated configuration.
     *
     * @param turns      turns of the treatment per window
     * @param icc        intra-session correlation of completion
     * @param stageLimit whether the plan has the stage limit {@code canary plan --units-per-hour} writes for {@code turns} units
     * @param minTurns   {@code canary check --min-turns}
     * @param reading    how the window's turns are counted
     */
    public record Setting(int turns, double icc, boolean stageLimit, int minTurns, Reading reading) {}

    /** One window of the treatment as {@code signals} reports it. */
    record Sample(int turns, int completed, double designEffect, int sessions) {}

    /** What a stage did: its last action, windows run, windows whose rate was used, and windows that alerted. */
    public record StageResult(Action action, int windows, int checked, int alerts) {}

    static Sample window(int turns, double trueRate, double icc, RandomGenerator rng) {
        BetaDistribution propensity = icc <= 0 ? null
                : new BetaDistribution(rng, trueRate * (1 - icc) / icc, (1 - trueRate) * (1 - icc) / icc, BetaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        double[] y = new double[turns];
        int[] session = new int[turns];
        int done = 0, k = 0;
        for (int s = 0; done < turns; s++) {
            double q = propensity == null ? trueRate : propensity.sample();
            for (int t = 1 + rng.nextInt(6); t > 0 && done < turns; t--, done++) {
                session[done] = s;
                if (rng.nextDouble() < q) {
                    y[done] = 1;
                    k++;
                }
            }
        }
        ClusteredProportions.Estimate rate = ClusteredProportions.rate(y, session, 0.05);
        return new Sample(turns, k, ClusteredProportions.rateDesignEffect(y, rate), rate.clusters());
    }

    /** The per-stage limit {@code canary plan --units-per-hour} writes for a window of {@code turns} turns (StageLimits, 1% alert at the limit). */
    public static double stageLimit(int turns) {
        return StageLimits.at(List.of(guardrail()), turns, 0.01).get(METRIC);
    }

    private static Guardrail guardrail() {
        return new Guardrail(METRIC, Direction.MIN, LIMIT, 2, Response.PAUSE, null, "");
    }

    /** One stage of {@code windows} hourly windows for a treatment whose true rate is {@code trueRate}. */
    public static StageResult stage(Setting s, double trueRate, int windows, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        Map<String, Double> limits = s.stageLimit() ? Map.of(METRIC, stageLimit(s.turns())) : Map.of();
        CanaryPlan plan = new CanaryPlan("sim", BucketingScheme.USER, "user_id", "sim", "control", "treatment", SampleRatio.DEFAULT_ALPHA,
                List.of(guardrail()), List.of(new Stage(1, windows, limits, null, null), new Stage(100, 0, Map.of(), null, null)), Map.of());
        MonitorState state = MonitorState.initial();
        Action last = Action.HOLD;
        int checked = 0, alerts = 0;
        for (int w = 0; w < windows; w++) {
            Instant start = T0.plusSeconds(3600L * w), end = start.plusSeconds(3600);
            Sample x = window(s.turns(), trueRate, s.icc(), rng);
            SessionClustering clustering = s.reading() == Reading.CLUSTERED ? new SessionClustering(x.designEffect(), x.sessions(), x.turns()) : null;
            Window empty = new Window(start, end, Map.of("treatment", new Window.VariantMetrics(null, Map.of())), 0);
            SignalRates.Rows rows = new SignalRates.Rows(Path.of("sim", SignalRates.FILE), List.of(new TreatmentMetrics.Value(start, end, METRIC, x.turns(),
                    x.completed() / (double) x.turns(), 2, clustering)), List.of(new TreatmentMetrics.Span(start, end, 2)));
            Window fed = SignalRates.merge(List.of(empty), rows, "treatment", s.minTurns()).windows().get(0);
            if (fed.variants().get("treatment").metrics().containsKey(METRIC)) checked++;
            Monitor.Step step = Monitor.step(plan, state, fed);
            if (!step.alerts().isEmpty()) alerts++;
            last = step.action();
            if (last == Action.PAUSE) return new StageResult(last, w + 1, checked, alerts);
            state = step.next();
        }
        return new StageResult(last, windows, checked, alerts);
    }

    /** Totals over {@code seeds} 24-window stages; {@code checked} and {@code alerts} count windows, for pooling. */
    public record Rates(double paused, double alertPerWindow, double checkedPerWindow, double neverChecked, int checked, int alerts) {}

    public static Rates rates(Setting s, double trueRate, int seeds, long seed0) {
        int paused = 0, windows = 0, checked = 0, alerts = 0, never = 0;
        for (int i = 0; i < seeds; i++) {
            StageResult r = stage(s, trueRate, 24, seed0 + i);
            if (r.action() == Action.PAUSE) paused++;
            if (r.checked() == 0) never++;
            windows += r.windows();
            checked += r.checked();
            alerts += r.alerts();
        }
        return new Rates(paused / (double) seeds, alerts / (double) Math.max(1, checked), checked / (double) windows, never / (double) seeds, checked,
                alerts);
    }

    /** Prints the task_completed_rate tables of docs/statistics.md 13. Args: SEEDS (default 2000). */
    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.println("# task_completed_rate guardrail (min 0.55, pause, 2 consecutive windows, 24-window stage); healthy treatment 0.60,"
                + " at the limit 0.55, drops to 0.50 and 0.45; sessions of 1-6 turns, intra-session correlation icc");
        System.out.println("# A: every window used (--min-turns 1); the plan's limit 0.55 (a design effect changes nothing there), or the stage limit of"
                + " `canary plan --units-per-hour` at that window size with turns read as independent (before) or clustered by session (design effect)");
        System.out.println("turns/window icc limit reading alert_per_window_at_0.55 pause_0.60(false) pause_0.55(at_limit) detect_0.50 detect_0.45");
        for (double icc : new double[] {0, 0.2}) {
            for (int turns : new int[] {50, 100, 200, 500, 1000}) {
                List<Setting> settings = List.of(new Setting(turns, icc, false, 1, Reading.CLUSTERED), new Setting(turns, icc, true, 1, Reading.INDEPENDENT),
                        new Setting(turns, icc, true, 1, Reading.CLUSTERED));
                for (Setting s : settings) {
                    Rates atLimit = rates(s, 0.55, seeds, 7_000_000L);
                    System.out.printf(Locale.ROOT, "%d %.1f %.3f %s %.4f %.4f %.4f %.4f %.4f%n", turns, icc, s.stageLimit() ? stageLimit(turns) : LIMIT,
                            s.stageLimit() ? s.reading() : "ANY", atLimit.alertPerWindow(), rates(s, 0.60, seeds, 6_000_000L).paused(), atLimit.paused(),
                            rates(s, 0.50, seeds, 8_000_000L).paused(), rates(s, 0.45, seeds, 9_000_000L).paused());
                }
            }
        }
        System.out.println("# B: the plan's limit 0.55, --min-turns 500 counted in effective turns (clustered) or raw turns (independent)");
        System.out.println("turns/window icc reading windows_used_0.60 stages_never_checked_0.60 pause_0.60(false) pause_0.55(at_limit) detect_0.45");
        for (double icc : new double[] {0, 0.2}) {
            for (int turns : new int[] {500, 1000, 2000}) {
                for (Reading reading : Reading.values()) {
                    Setting s = new Setting(turns, icc, false, 500, reading);
                    Rates healthy = rates(s, 0.60, seeds, 6_000_000L);
                    System.out.printf(Locale.ROOT, "%d %.1f %s %.4f %.4f %.4f %.4f %.4f%n", turns, icc, reading, healthy.checkedPerWindow(), healthy.neverChecked(),
                            healthy.paused(), rates(s, 0.55, seeds, 7_000_000L).paused(), rates(s, 0.45, seeds, 9_000_000L).paused());
                }
            }
        }
    }
}
