package dev.promptarena.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a response as exactly one JSON value, shared by {@link JsonCheck} and {@link JsonSchemaCheck}.
 * Strict on purpose: trailing text after the value is an error, because a consumer calling a JSON
 * parser on the raw response would fail too. Jackson's default stream limits (nesting depth 1000,
 * 20M-character strings) bound the work on hostile or huge outputs.
 */
final class JsonText {
    // Configured once and never changed afterwards; Jackson mappers are thread-safe for reading.
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    // A single Markdown code fence around the whole response, as chat models often add.
    private static final Pattern FENCE = Pattern.compile("\\A\\s*```[A-Za-z0-9_-]*[ \\t]*\\r?\\n(.*)\\r?\\n```\\s*\\z", Pattern.DOTALL);

    private final boolean allowFence;

    JsonText(boolean allowFence) { this.allowFence = allowFence; }

    /** The parsed value, or a {@link Parsed} carrying the parse error. */
    Parsed parse(String output) {
        String text = output;
        if (allowFence && output.startsWith("```", firstNonSpace(output))) {
            Matcher m = FENCE.matcher(output);
            if (m.matches()) text = m.group(1);
        }
        if (text.isBlank()) return new Parsed(null, "output is empty");
        try {
            return new Parsed(MAPPER.readTree(text), null);
        } catch (JsonProcessingException e) {
            return new Parsed(null, "not valid JSON: " + dev.promptarena.input.JsonProblem.plain(e));
        } catch (RuntimeException e) {
            // Jackson reports some limit violations as unchecked exceptions; still a failed check.
            return new Parsed(null, "not valid JSON: " + e.getMessage());
        }
    }

    private static int firstNonSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    /** Either a value or an error message. */
    record Parsed(JsonNode value, String error) {
        boolean ok() { return value != null; }
    }
}
