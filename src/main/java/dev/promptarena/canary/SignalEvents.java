package dev.promptarena.canary;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An implicit-feedback event log (background 002's {@code InteractionEvent}: session_id, turn_id, experiment_id,
 * variant, model, signal, timestamp, one JSON object per line) folded into turns: the unit a rate counts.
 * Every served turn should log at least one event; a turn with no signal logs {@code served}, so that it
 * counts in the denominators.
 */
public final class SignalEvents {
    /** The signals of background 002, in its order. */
    public static final List<String> SIGNALS = List.of("rephrased_query", "immediate_retry", "session_abandoned", "follow_up_question", "task_completed");
    /** The marker of a turn served without any signal. */
    public static final String SERVED = "served";

    /** One turn: its session, variant, first event time, and the signals it raised. */
    public record Turn(String session, String turn, String variant, Instant time, Set<String> signals) {}

    private SignalEvents() {}

    /** The turns of the log, in order of first appearance; {@code experiment} filters when not null. */
    public static List<Turn> read(Path file, String experiment) {
        Map<String, Turn> turns = new LinkedHashMap<>();
        Map<String, String> sessionVariant = new LinkedHashMap<>();
        for (InputRows.Row row : InputRows.read(file)) {
            if (experiment != null && !experiment.equals(row.fields().get("experiment_id"))) continue;
            String session = row.text("session_id"), turn = row.text("turn_id"), variant = row.text("variant"), signal = row.text("signal");
            if (!SIGNALS.contains(signal) && !signal.equals(SERVED)) {
                throw row.error("signal", "unknown signal '" + signal + "'; expected one of " + String.join(", ", SIGNALS) + " or " + SERVED);
            }
            Instant time = row.time("timestamp");
            String earlier = sessionVariant.putIfAbsent(session, variant);
            if (earlier != null && !earlier.equals(variant)) {
                throw row.error("variant", "session " + session + " was logged as '" + earlier + "' before and '" + variant + "' here: "
                        + "an assignment leak invalidates the comparison (fix the router or drop the session)");
            }
            String key = session + "\u0000" + turn;
            Turn t = turns.get(key);
            if (t == null) {
                t = new Turn(session, turn, variant, time, new LinkedHashSet<>());
                turns.put(key, t);
            } else if (time.isBefore(t.time())) {
                t = new Turn(session, turn, variant, time, t.signals());
                turns.put(key, t);
            }
            if (!signal.equals(SERVED)) t.signals().add(signal);
        }
        if (turns.isEmpty()) throw new dev.promptarena.input.InputException(file, 1, null, "no events" + (experiment != null ? " for experiment " + experiment : ""));
        return new ArrayList<>(turns.values());
    }
}
