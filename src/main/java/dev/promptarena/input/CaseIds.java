package dev.promptarena.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;

/**
 * How a case id written in a golden set, a labels file or a recorded-responses file becomes the id the run compares.
 * One rule for every format, so an id matches across files whatever format each is in:
 * <ul>
 *   <li>the id is the text the user wrote: a JSON number keeps its exact text ({@code 1.0}, {@code 1e3}, {@code -0}
 *       stay as written; Jackson's value would have made them "1.0", "1000.0" and "0"), {@code true}/{@code false}
 *       their words; a CSV cell is text already;</li>
 *   <li>blanks around it are not part of it (CSV readers always trimmed them; JSONL golden sets kept them, so
 *       {@code " 7"} in a golden set matched no {@code 7} in a responses or labels file);</li>
 *   <li>it is compared in Unicode NFC: an "é" typed as one code point and as e + combining accent look alike in every
 *       report, so they are one id (two cases with them are duplicates, and a label written on macOS matches).</li>
 * </ul>
 */
public final class CaseIds {
    private static final JsonFactory JSON = new JsonFactory();

    private CaseIds() {}

    /** The id for text as written (a CSV cell, or a JSON string). */
    public static String of(String written) {
        String s = written.strip();
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /**
     * The id of a JSON object's {@code field} (an id written as a number is read back from {@code lineText}, the
     * object's source, to keep its digits); "" when absent, null or blank.
     *
     * @throws InputException naming file, line and field for an object or a list
     */
    public static String fromJson(Path file, int line, String field, JsonNode value, String lineText) {
        if (value == null || value.isNull()) return "";
        if (value.isTextual()) return of(value.textValue());
        if (value.isNumber()) return of(numberText(field, lineText, value));
        if (value.isBoolean()) return value.asText();
        throw new InputException(file, line, field, "an id is a string (or a number, kept as written), got " + value);
    }

    /** The source text of the top-level {@code field}'s number; the last one, as a parsed object keeps the last. */
    private static String numberText(String field, String lineText, JsonNode parsed) {
        String found = null;
        // A first line may begin with a byte-order mark, which the object's reader skipped too.
        try (JsonParser p = JSON.createParser(lineText.startsWith("\uFEFF") ? lineText.substring(1) : lineText)) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isStructStart()) depth++;
                else if (t.isStructEnd()) depth--;
                else if (t == JsonToken.FIELD_NAME && depth == 1 && field.equals(p.currentName())) {
                    JsonToken v = p.nextToken();
                    if (v.isNumeric()) found = p.getText();
                    else if (v.isStructStart()) depth++;
                }
            }
        } catch (IOException e) {
            // The line was parsed as JSON just before; fall back to the parsed value rather than fail on the id.
        }
        return found != null ? found : parsed.asText();
    }
}
