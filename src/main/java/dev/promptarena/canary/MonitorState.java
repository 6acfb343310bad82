package dev.promptarena.canary;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the monitor remembers between runs ({@code state.json}): the current stage, when it started, each
 * guardrail's current breach streak, the last window already processed (re-running on the same export is a
 * no-op) and the status. PAUSED and ROLLED_BACK are sticky: a person resumes by editing or deleting the state.
 *
 * @param stage           index into the plan's stages
 * @param stageStart      start of the current stage (null before the first window)
 * @param streaks         consecutive breached windows per metric; a metric is a key once a window of the current
 *                        stage carried it (advancing starts an empty map), which is how the monitor knows a
 *                        guardrail has been checked in this stage
 * @param lastWindowEnd   end of the last processed window (null before the first)
 * @param status          where the rollout stands
 * @param lastAction      the action of the last processed window
 * @param reason          why the status is what it is
 */
public record MonitorState(int stage, Instant stageStart, Map<String, Integer> streaks, Instant lastWindowEnd, Status status,
                           Action lastAction, String reason) {
    /** Where the rollout stands. */
    public enum Status { RUNNING, PAUSED, ROLLED_BACK, COMPLETE }

    public MonitorState {
        if (stage < 0) throw new IllegalArgumentException("stage must be >= 0, got: " + stage);
        streaks = streaks == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(streaks));
        if (status == null) status = Status.RUNNING;
        if (lastAction == null) lastAction = Action.HOLD;
        if (reason == null) reason = "";
    }

    public static MonitorState initial() { return new MonitorState(0, null, Map.of(), null, Status.RUNNING, Action.HOLD, "not started"); }

    public boolean stopped() { return status != Status.RUNNING; }
}
