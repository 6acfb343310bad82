package dev.promptarena.canary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code state.json} as text, both ways; the caller writes it atomically (temp file + rename). */
public final class MonitorStateFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final java.util.List<String> KEYS = java.util.List.of("stage", "stage_start", "streaks", "last_window_end", "status",
            "last_action", "reason");

    private MonitorStateFile() {}

    /** The saved state, or the initial state when the file does not exist yet. */
    public static MonitorState read(Path file) {
        if (!Files.exists(file)) return MonitorState.initial();
        JsonNode n;
        try {
            n = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new InputException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null, "malformed JSON: " + dev.promptarena.input.JsonProblem.plain(e));
        } catch (IOException e) {
            throw dev.promptarena.input.ReadErrors.of(file, e);
        }
        if (n == null || !n.isObject()) throw new InputException(file, 1, null, "expected a JSON object");
        // The file is rewritten after the check: any other JSON object (a report.json given by mistake) was read as the
        // initial state and then replaced. Only a file of our own keys is a state file.
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) throw new InputException(file, 0, key, "unknown key: not a canary state file (its keys are " + String.join(", ", KEYS) + ")");
        }
        if (!n.path("stage").canConvertToInt() || n.path("stage").asInt() < 0) throw new InputException(file, 0, "stage", "expected a whole number >= 0");
        Map<String, Integer> streaks = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("streaks").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 0) throw new InputException(file, 0, "streaks." + e.getKey(), "expected a whole number >= 0");
            streaks.put(e.getKey(), e.getValue().asInt());
        }
        try {
            return new MonitorState(n.path("stage").asInt(0), time(n, "stage_start"), streaks, time(n, "last_window_end"),
                    named(file, n, "status", MonitorState.Status.values(), MonitorState.Status.RUNNING),
                    named(file, n, "last_action", Action.values(), Action.HOLD), n.path("reason").asText(""));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InputException(file, 0, null, "not a canary state file: " + e.getMessage());
        }
    }

    /** The enum constant named by {@code field} (valueOf's error names the Java class). */
    private static <E extends Enum<E>> E named(Path file, JsonNode n, String field, E[] values, E fallback) {
        if (!n.has(field)) return fallback;
        String text = n.get(field).asText();
        for (E v : values) if (v.name().equals(text)) return v;
        throw new InputException(file, 0, field, "expected one of " + java.util.Arrays.toString(values) + ", got '" + text + "'");
    }

    private static Instant time(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : Instant.parse(v.asText());
    }

    public static String toJson(MonitorState s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("stage", s.stage());
        n.put("stage_start", s.stageStart() == null ? null : s.stageStart().toString());
        ObjectNode streaks = n.putObject("streaks");
        s.streaks().forEach(streaks::put);
        n.put("last_window_end", s.lastWindowEnd() == null ? null : s.lastWindowEnd().toString());
        n.put("status", s.status().name());
        n.put("last_action", s.lastAction().name());
        n.put("reason", s.reason());
        try {
            return JSON.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the monitor state", e);
        }
    }
}
