package dev.promptarena.canary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The canary's window-by-window state machine, a pure function of (plan, state, window).
 *
 * <p>Per guardrail, as in the background documents' {@code ExperimentGuardrails}: a breached window raises an
 * alert and extends the metric's streak, a held window resets it, a missing value leaves it unchanged; a streak
 * reaching the guardrail's {@code consecutive_windows} fires its registered action. Unlike the documents'
 * {@code ==}, the action keeps firing while the breach persists ({@code >=}), so a review or hold is not
 * silently dropped on the third bad window. The most severe action wins (ROLLBACK over PAUSE over HOLD).
 *
 * <p>A stage limit of a rate is the plan's limit plus a noise allowance for a window of independent units
 * ({@link StageLimits}). A signal rate whose turns come in sessions carries its design effect and the number of sessions
 * it was estimated from ({@code --signals}), and its allowance is widened to match ({@link StageLimits#forDesignEffect});
 * the plan's numbers are read as they were written.
 *
 * <p>A sample-ratio mismatch in the window (units per variant against the stage's split, p below the plan's
 * {@code srm_alpha}) pauses: with broken assignment no metric of the window can be trusted.
 *
 * <p>The stage advances when the window held every limit (no alert, no SRM), the stage has lasted its
 * minimum duration and every guardrail has been measured in at least one window of the stage; after the last
 * stage (100%) the rollout is complete. The last condition is why a guardrail whose metric the export never
 * carries holds the stage instead of being skipped: "missing: streak unchanged" on every window would let a
 * rollout reach 100% without that guardrail ever being checked. A metric missing from some windows of a stage
 * but present in others keeps the streak rule above.
 */
public final class Monitor {
    private Monitor() {}

    /** What one window did. */
    public record Step(Window window, int stage, List<String> alerts, List<String> actions, SampleRatio srm, List<String> notes,
                       Action action, MonitorState next) {}

    public static Step step(CanaryPlan plan, MonitorState state, Window w) {
        if (state.stopped()) throw new IllegalStateException("the rollout is " + state.status() + "; no window is processed");
        int stage = state.stage();
        Stage s = plan.stages().get(stage);
        Map<String, Integer> streaks = new HashMap<>(state.streaks());
        List<String> alerts = new ArrayList<>(), actions = new ArrayList<>(), notes = new ArrayList<>();
        Action action = Action.HOLD;
        boolean held = true;
        Window.VariantMetrics t = w.variants().get(plan.treatment());
        if (t == null) {
            notes.add("no row for the treatment '" + plan.treatment() + "' in this window: guardrails not evaluated");
            held = false;
        }
        for (Guardrail g0 : plan.guardrails()) {
            Guardrail staged = plan.at(g0, stage);
            Double value = t == null ? null : t.metrics().get(staged.metric());
            Guardrail g = t == null ? staged : StageLimits.forDesignEffect(g0, staged, t.clustering(g0.metric()));
            if (value == null) {
                if (t != null) notes.add(g.metric() + (streaks.containsKey(g.metric()) ? " missing: streak unchanged"
                        : " missing: no window of this stage has carried it yet, so the stage cannot advance"));
                held &= streaks.getOrDefault(g.metric(), 0) == 0;
                continue;
            }
            boolean breached = g.direction().breached(value, g.limit());
            int streak = breached ? streaks.getOrDefault(g.metric(), 0) + 1 : 0;
            streaks.put(g.metric(), streak);
            if (!breached) continue;
            held = false;
            alerts.add(String.format("alert %s: streak=%d (%s %s limit %s%s)", g.metric(), streak, num(value),
                    // A widened limit is computed (a square root): four digits, not Double.toString's seventeen.
                    g.direction() == Direction.MAX ? ">" : "<", g.limit() == staged.limit() ? num(g.limit())
                            : String.format(Locale.ROOT, "%.4g", g.limit()), g.limit() == staged.limit() ? ""
                            : String.format(Locale.ROOT, ": stage limit %s widened for design effect %.2f of turns clustered in %d sessions",
                            num(staged.limit()), t.designEffect(g.metric()), t.clustering(g.metric()).sessions())));
            if (streak >= g.consecutiveWindows()) {
                actions.add(g.label() + ": " + g.metric());
                action = action.max(g.response().action());
            }
        }
        SampleRatio srm = srm(plan, s, w, notes);
        if (srm != null && srm.mismatch(plan.srmAlpha())) {
            held = false;
            actions.add(String.format("pause exposure: sample ratio mismatch (p = %.3g < %s)", srm.p(), num(plan.srmAlpha())));
            action = action.max(Action.PAUSE);
        }
        java.time.Instant stageStart = state.stageStart() == null ? w.start() : state.stageStart();
        double hours = Duration.between(stageStart, w.end()).toSeconds() / 3600.0;
        MonitorState next;
        // A metric is a key of the streaks once a window of this stage carried it (advancing resets them).
        List<String> unmeasured = plan.guardrails().stream().map(Guardrail::metric).distinct().filter(m -> !streaks.containsKey(m)).toList();
        if (action == Action.ROLLBACK || action == Action.PAUSE) {
            MonitorState.Status status = action == Action.ROLLBACK ? MonitorState.Status.ROLLED_BACK : MonitorState.Status.PAUSED;
            next = new MonitorState(stage, stageStart, streaks, w.end(), status, action, String.join("; ", actions));
        } else if (action == Action.HOLD && held && actions.isEmpty() && hours >= s.minHours() && unmeasured.isEmpty()) {
            action = Action.ADVANCE;
            boolean last = stage == plan.stages().size() - 1;
            String reason = last ? "rollout complete at " + num(s.percent()) + "%"
                    : String.format("stage %s%% held every limit for %.1f h (minimum %s h): advance to %s%%", num(s.percent()), hours,
                            num(s.minHours()), num(plan.stages().get(stage + 1).percent()));
            // A new stage starts with fresh streaks: its limits may differ, and its windows are new evidence.
            next = last ? new MonitorState(stage, stageStart, streaks, w.end(), MonitorState.Status.COMPLETE, action, reason)
                    : new MonitorState(stage + 1, w.end(), Map.of(), w.end(), MonitorState.Status.RUNNING, action, reason);
        } else {
            String reason = !actions.isEmpty() ? String.join("; ", actions) : !held ? "a limit alerted or was not evaluated: hold"
                    : hours < s.minHours() ? String.format("stage %s%% has run %.1f h of its %s h minimum: hold", num(s.percent()), hours, num(s.minHours()))
                    : unmeasured(s, unmeasured);
            next = new MonitorState(stage, stageStart, streaks, w.end(), MonitorState.Status.RUNNING, Action.HOLD, reason);
        }
        return new Step(w, stage, alerts, actions, srm, notes, action, next);
    }

    /** Why a stage that held and ran long enough still holds: a guardrail nobody has measured in it. */
    private static String unmeasured(Stage s, List<String> metrics) {
        boolean one = metrics.size() == 1;
        // judge_<axis>_mean has no warehouse column: name the command that produces it, so the user need not guess.
        boolean judge = metrics.stream().anyMatch(m -> m.startsWith("judge_") && m.endsWith("_mean"));
        // Likewise a signal's rate can come from the event log instead of the warehouse.
        boolean signal = metrics.stream().anyMatch(m -> SignalEvents.SIGNALS.stream().map(SignalRates::metric).anyMatch(m::equals));
        return String.format("no window of stage %s%% carried %s: %s never checked in this stage, hold (export %s or remove %s from the plan%s%s)",
                num(s.percent()), String.join(", ", metrics), one ? "its guardrail was" : "their guardrails were", one ? "the metric" : "them",
                one ? "the guardrail" : "those guardrails", judge ? "; judge_<axis>_mean comes from `prompt-arena score` over the treatment's traces"
                        + " with --window-hours equal to the windows' length: pass its folder with --scores" : "",
                signal ? "; <signal>_rate comes from `prompt-arena signals` over the event log with --window-hours equal to the windows' length:"
                        + " pass its folder with --signals" : "");
    }

    private static SampleRatio srm(CanaryPlan plan, Stage s, Window w, List<String> notes) {
        Window.VariantMetrics c = w.variants().get(plan.control()), t = w.variants().get(plan.treatment());
        if (s.fraction() >= 1) return null; // at 100% there is no control to compare with
        if (c == null || t == null || c.units() == null || t.units() == null) {
            notes.add("no units for both variants: sample-ratio check skipped");
            return null;
        }
        if (c.units() + t.units() == 0) return null;
        return SampleRatio.test(new long[] {c.units(), t.units()}, new double[] {1 - s.fraction(), s.fraction()});
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
