package dev.promptarena.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.promptarena.util.IoReason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * A file the tool wrote itself (manifest.json, cases.jsonl) that no longer parses, as an input error in plain words.
 * Jackson's own messages name Java types and parser settings ("Cannot deserialize value of type
 * `dev.promptarena.run.Manifest` ... (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)").
 */
public final class JsonProblem {
    private JsonProblem() {}

    /**
     * @param line the line of a JSONL record, or 0 for a whole JSON file (then the parser's line is used)
     * @param what what the file or line should have been, e.g. "unreadable case record"
     */
    public static InputException of(Path file, int line, String what, IOException e) {
        if (!(e instanceof JsonProcessingException j)) return new InputException(file, line, null, what + ": " + IoReason.of(e));
        int at = line > 0 || j.getLocation() == null ? line : j.getLocation().getLineNr();
        if (e instanceof DatabindException && e instanceof JsonMappingException m) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return new InputException(file, at, field.isEmpty() ? null : field,
                    what + ": " + (field.isEmpty() ? "not the JSON object expected here" : "a missing or invalid value"));
        }
        return new InputException(file, at, null, what + ": malformed JSON: " + plain(j));
    }

    /**
     * The parser's own message in words: its first line, without the parser settings and source location it appends
     * ("... for Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled);
     * line: 1, column: 1])"); the file and line are given beside it.
     */
    public static String plain(JsonProcessingException j) {
        String message = j.getOriginalMessage() == null ? "" : j.getOriginalMessage().lines().findFirst().orElse("");
        int marker = message.indexOf(" (start marker at");
        if (marker >= 0) message = message.substring(0, marker);
        message = message.replaceAll(" ?\\([^)]*`[^)]*\\)", "").strip();
        return message.isEmpty() ? "not valid JSON" : message;
    }
}
