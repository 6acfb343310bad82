package dev.promptarena.canary;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Production traces for the online judge ({@code trace_id, timestamp, request, output[, context]}, JSONL) and
 * the predeclared sample: a trace is scored when {@link BucketingScheme#CONVERSATION} puts
 * {@code "score-<seed>:<trace_id>"} below the sampling fraction. The choice depends only on the seed, the
 * fraction and the trace's own id — not on the order of the file, on which other traces it holds, or on
 * the outputs — so it is fixed before any score is seen, and appending traces never changes who was sampled.
 */
public final class Traces {
    /** One production trace. */
    public record Trace(String traceId, Instant timestamp, String request, String context, String output, int line) {}

    private Traces() {}

    public static List<Trace> read(Path file) {
        List<Trace> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (InputRows.Row row : InputRows.read(file)) {
            String id = row.text("trace_id");
            if (!ids.add(id)) throw row.error("trace_id", "'" + id + "' appears twice");
            // request and output are taken as they are (no strip): they are what the model saw and said.
            String request = row.fields().get("request"), output = row.fields().get("output");
            if (request == null || request.isBlank()) throw row.error("request", "required field is missing");
            if (output == null) throw row.error("output", "required field is missing");
            out.add(new Trace(id, row.time("timestamp"), request, row.fields().get("context"), output, row.line()));
        }
        if (out.isEmpty()) throw new dev.promptarena.input.InputException(file, 1, null, "no traces");
        return out;
    }

    /** Whether the predeclared sample (seed, fraction) includes this trace. */
    public static boolean sampled(String traceId, long seed, double fraction) {
        return BucketingScheme.CONVERSATION.treated("score-" + seed, traceId, fraction);
    }
}
