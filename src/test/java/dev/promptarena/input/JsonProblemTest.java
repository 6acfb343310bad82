package dev.promptarena.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Jackson appends its parser settings and a source location to what it says about a malformed document; the user
 * saw "(start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1,
 * column: 1])" after the file and line we had already named.
 */
class JsonProblemTest {
    private static String plainOf(String json) {
        return JsonProblem.plain(assertThrows(JsonProcessingException.class, () -> new ObjectMapper().readTree(json)));
    }

    @Test
    void anUnclosedObjectIsSaidWithoutTheParsersLocationAndSettings() {
        assertEquals("Unexpected end-of-input: expected close marker for Object", plainOf("{\"id\": \"x\""));
    }

    @Test
    void otherMessagesKeepTheirWords() {
        assertEquals("Unexpected character ('}' (code 125)): was expecting double-quote to start field name", plainOf("{\"a\": 1,}"));
    }
}
