package dev.promptarena.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.dataset.GoldenSet;
import dev.promptarena.input.DidYouMean;
import dev.promptarena.input.InputException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads recorded outputs and checks them against the golden set before anything runs: every row
 * names a case of the golden set, no case twice, and every case has an output. Errors name the file,
 * line and field (exit 2).
 * <ul>
 *   <li>Per variant ({@code responses:} in the config): {@code id}, {@code output}, optional
 *       {@code latency_ms}, {@code output_tokens}, {@code cost_usd}.</li>
 *   <li>Combined ({@code run --responses}): {@code id}, {@code output_a}, {@code output_b}, optional
 *       {@code latency_ms_a}, {@code latency_ms_b}, {@code output_tokens_a}, ... — e.g. production and
 *       shadow responses joined from logs.</li>
 * </ul>
 * A variant's {@code responses:} may also name a combined file: when its first row has no
 * {@code output} the variant reads its own slot's columns ({@code output_a} for A, {@code output_b}
 * for B), so one file can serve both variants. Other keys are ignored, so rows exported from logs
 * need no clean-up.
 */
public final class RecordedResponsesLoader {
    private RecordedResponsesLoader() {}

    /** The outputs of the variant in {@code slot} ("A" or "B") from {@code file}, per-variant or combined. */
    public static RecordedResponses variant(Path file, String slot, List<GoldenCase> cases, Path goldenFile) {
        RecordedRows.Rows read = RecordedRows.read(file);
        List<RecordedRows.Row> rows = read.rows();
        boolean combined = !rows.get(0).fields().containsKey("output") && rows.get(0).fields().containsKey(slotSuffix(slot, "output"));
        String suffix = combined ? slotSuffix(slot, "") : "";
        return requireEveryCase(file, parse(file, rows, cases, goldenFile, suffix), cases, goldenFile, suffix, read.sha256());
    }

    private static String slotSuffix(String slot, String prefix) { return prefix + "_" + slot.toLowerCase(java.util.Locale.ROOT); }

    /** Both variants' outputs from one combined file. */
    public static Recorded combined(Path file, List<GoldenCase> cases, Path goldenFile) {
        RecordedRows.Rows read = RecordedRows.read(file);
        List<RecordedRows.Row> rows = read.rows();
        // Every row-level error (a line to fix) before any coverage error (a case to add).
        Map<String, RecordedOutput> a = parse(file, rows, cases, goldenFile, "_a");
        Map<String, RecordedOutput> b = parse(file, rows, cases, goldenFile, "_b");
        return new Recorded(requireEveryCase(file, a, cases, goldenFile, "_a", read.sha256()),
                requireEveryCase(file, b, cases, goldenFile, "_b", read.sha256()));
    }

    private static Map<String, RecordedOutput> parse(Path file, List<RecordedRows.Row> rows, List<GoldenCase> cases, Path goldenFile, String suffix) {
        Set<String> known = new java.util.HashSet<>(GoldenSet.of(cases).ids());
        Map<String, RecordedOutput> byCase = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (RecordedRows.Row row : rows) {
            JsonNode idNode = row.fields().get("id");
            String id = idNode == null ? "" : idNode.asText().trim();
            if (id.isEmpty()) throw new InputException(file, row.line(), "id", "every response needs the id of its golden case");
            Integer first = firstLine.putIfAbsent(id, row.line());
            if (first != null) throw new InputException(file, row.line(), "id", "duplicate id '" + id + "' (first at line " + first + ")");
            if (!known.contains(id)) {
                String hint = DidYouMean.nearest(id, known);
                throw new InputException(file, row.line(), "id", "no case '" + id + "' in the golden set " + goldenFile
                        + (hint != null ? " (did you mean '" + hint + "'?)" : ""));
            }
            String outputKey = "output" + suffix;
            JsonNode output = row.fields().get(outputKey);
            if (output == null) throw new InputException(file, row.line(), outputKey, "required field is missing");
            if (!output.isTextual()) throw new InputException(file, row.line(), outputKey, "expected a string, got " + output.getNodeType().name().toLowerCase());
            byCase.put(id, new RecordedOutput(output.asText(), (long) number(file, row, "latency_ms" + suffix),
                    (long) number(file, row, "output_tokens" + suffix), number(file, row, "cost_usd" + suffix), row.line()));
        }
        return byCase;
    }

    private static RecordedResponses requireEveryCase(Path file, Map<String, RecordedOutput> byCase, List<GoldenCase> cases, Path goldenFile,
                                                      String suffix, String sha256) {
        for (GoldenCase c : cases) {
            if (!byCase.containsKey(c.id())) {
                throw new InputException(file, 0, "id", "no recorded output" + (suffix.isEmpty() ? "" : " (output" + suffix + ")")
                        + " for case '" + c.id() + "' (" + goldenFile + ":" + c.line() + "); every case of the golden set needs one");
            }
        }
        return new RecordedResponses(file, byCase, sha256);
    }

    /** An optional non-negative number; absent is 0. CSV cells arrive as text and are parsed here. */
    private static double number(Path file, RecordedRows.Row row, String key) {
        JsonNode v = row.fields().get(key);
        if (v == null) return 0;
        double d;
        if (v.isNumber()) {
            d = v.asDouble();
        } else {
            try {
                d = Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                throw new InputException(file, row.line(), key, "expected a number, got '" + v.asText() + "'");
            }
        }
        if (!(d >= 0) || Double.isInfinite(d)) throw new InputException(file, row.line(), key, "must be a number >= 0, got " + v.asText());
        return d;
    }
}
