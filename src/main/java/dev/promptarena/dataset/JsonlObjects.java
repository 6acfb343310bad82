package dev.promptarena.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.input.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads user-given JSONL: one JSON object per line, blank lines skipped. Shared by the golden set
 * ({@link DatasetLoader}) and recorded responses, so both report bad lines in the same words.
 */
public final class JsonlObjects {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Turns one line's object into a value; may throw {@link InputException} for that line. */
    @FunctionalInterface
    public interface LineMapper<T> {
        T map(int line, JsonNode object);
    }

    private JsonlObjects() {}

    /**
     * The values of every non-blank line of {@code reader}, in order.
     *
     * @param file names the input in errors ({@code file:line: malformed JSON: ...} or {@code expected a JSON object})
     */
    public static <T> List<T> read(Path file, BufferedReader reader, LineMapper<T> mapper) throws IOException {
        List<T> out = new ArrayList<>();
        String text;
        int line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            JsonNode node = object(file, line, text);
            if (node != null) out.add(mapper.map(line, node));
        }
        return out;
    }

    /**
     * One line's object, or null for a blank line (also used by {@link JsonlGoldenStore} and recorded responses, which
     * read their files line by line from bytes, so all report the same errors).
     *
     * @param text the line without its terminator
     */
    public static JsonNode object(Path file, int line, String text) {
        // Editors on Windows save UTF-8 with a byte-order mark; it is not part of the data.
        if (line == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) return null;
        JsonNode node;
        try (com.fasterxml.jackson.core.JsonParser parser = JSON.createParser(text)) {
            node = JSON.readTree(parser);
            // readTree(String) stopped at the end of the first value: "{...} {...}" kept the first case and lost the
            // second without a word (QA, eleventh session).
            if (parser.nextToken() != null) throw new InputException(file, line, null, "more than one JSON value on the line (one object per line)");
        } catch (StreamConstraintsException e) {
            // Jackson's text names the Java method that sets the limit ("from `StreamReadConstraints.getMaxStringLength()`").
            throw new InputException(file, line, null, "too large to read: " + e.getOriginalMessage().replaceAll(", from `[^`]*`", ""));
        } catch (JsonProcessingException e) {
            throw new InputException(file, line, null, "malformed JSON: " + dev.promptarena.input.JsonProblem.plain(e));
        } catch (IOException e) { // a parser over a string reads no device: only its declared exception
            throw new InputException(file, line, null, "malformed JSON");
        }
        if (!node.isObject()) throw new InputException(file, line, null, "expected a JSON object");
        return node;
    }
}
