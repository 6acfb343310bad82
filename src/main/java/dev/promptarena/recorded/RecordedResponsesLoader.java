package dev.promptarena.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.dataset.GoldenSet;
import dev.promptarena.input.DidYouMean;
import dev.promptarena.input.InputException;
import dev.promptarena.input.RecordIndex;
import dev.promptarena.util.HashSlots;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

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
 * need no clean-up. The rows are indexed by case id ({@link HashSlots}: a hash of the id to the row, which is read
 * back to confirm it), about 50 bytes a row instead of every output.
 */
public final class RecordedResponsesLoader {
    private RecordedResponsesLoader() {}

    /** The outputs of the variant in {@code slot} ("A" or "B") from {@code file}, per-variant or combined. */
    public static RecordedResponses variant(Path file, String slot, List<GoldenCase> cases, Path goldenFile) {
        RecordedRows rows = RecordedRows.read(file);
        var first = rows.readAlone(0).fields();
        boolean combined = !first.containsKey("output") && first.containsKey(slotSuffix(slot, "output"));
        String suffix = combined ? slotSuffix(slot, "") : "";
        return requireEveryCase(file, parse(file, rows, cases, goldenFile, suffix), cases, goldenFile, suffix);
    }

    private static String slotSuffix(String slot, String prefix) { return prefix + "_" + slot.toLowerCase(java.util.Locale.ROOT); }

    /** Both variants' outputs from one combined file. */
    public static Recorded combined(Path file, List<GoldenCase> cases, Path goldenFile) {
        RecordedRows rows = RecordedRows.read(file);
        // Every row-level error (a line to fix) before any coverage error (a case to add).
        Parsed a = parse(file, rows, cases, goldenFile, "_a");
        Parsed b = parse(file, rows, cases, goldenFile, "_b");
        return new Recorded(requireEveryCase(file, a, cases, goldenFile, "_a"), requireEveryCase(file, b, cases, goldenFile, "_b"));
    }

    /** The validated rows of one variant: which row holds each case, and which golden cases have one. */
    private record Parsed(RecordedRows rows, HashSlots byId, BitSet covered, String suffix) {
        RecordedOutput output(String id) {
            RecordedOutput[] found = new RecordedOutput[1];
            byId.get(HashSlots.hash(id), row -> {
                RecordedRows.Row r = rows.readAlone((int) row);
                if (!r.id().equals(id)) return false;
                found[0] = RecordedResponsesLoader.output(rows, r, suffix);
                return true;
            });
            return found[0];
        }
    }

    private static Parsed parse(Path file, RecordedRows rows, List<GoldenCase> cases, Path goldenFile, String suffix) {
        List<String> known = GoldenSet.of(cases).ids();
        HashSlots goldenById = new HashSlots();
        for (int i = 0; i < known.size(); i++) goldenById.put(HashSlots.hash(known.get(i)), i, p -> false);
        HashSlots byId = new HashSlots();
        BitSet covered = new BitSet(known.size());
        try (RecordIndex.Reader reader = rows.reader()) {
            for (int i = 0; i < rows.size(); i++) {
                RecordedRows.Row row = rows.read(reader, i);
                String id = row.id();
                if (id.isEmpty()) throw new InputException(file, row.line(), "id", "every response needs the id of its golden case");
                long first = byId.put(HashSlots.hash(id), i, r -> rows.readAlone((int) r).id().equals(id));
                if (first >= 0) throw new InputException(file, row.line(), "id", "duplicate id '" + id + "' (first at line " + rows.line((int) first) + ")");
                long golden = goldenById.get(HashSlots.hash(id), p -> known.get((int) p).equals(id));
                if (golden < 0) {
                    String hint = DidYouMean.nearest(id, known);
                    throw new InputException(file, row.line(), "id", "no case '" + id + "' in the golden set " + goldenFile
                            + (hint != null ? " (did you mean '" + hint + "'?)" : ""));
                }
                covered.set((int) golden);
                output(rows, row, suffix);
            }
        }
        return new Parsed(rows, byId, covered, suffix);
    }

    /** The row's output for {@code suffix}, validated (the same checks when the row is read back: they pass again). */
    private static RecordedOutput output(RecordedRows rows, RecordedRows.Row row, String suffix) {
        Path file = rows.file();
        String outputKey = "output" + suffix;
        JsonNode output = row.fields().get(outputKey);
        if (output == null) throw new InputException(file, row.line(), outputKey, "required field is missing");
        if (!output.isTextual()) throw new InputException(file, row.line(), outputKey, "expected a string, got " + output.getNodeType().name().toLowerCase());
        return new RecordedOutput(output.asText(), (long) number(file, row, "latency_ms" + suffix),
                (long) number(file, row, "output_tokens" + suffix), number(file, row, "cost_usd" + suffix), row.line());
    }

    private static RecordedResponses requireEveryCase(Path file, Parsed parsed, List<GoldenCase> cases, Path goldenFile, String suffix) {
        int missing = parsed.covered().nextClearBit(0);
        if (missing < cases.size()) {
            GoldenCase c = cases.get(missing);
            throw new InputException(file, 0, "id", "no recorded output" + (suffix.isEmpty() ? "" : " (output" + suffix + ")")
                    + " for case '" + c.id() + "' (" + goldenFile + ":" + c.line() + "); every case of the golden set needs one");
        }
        return new RecordedResponses(file, parsed::output, parsed.rows().sha256);
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
