package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalJsonTest {
    /** JSON escapes ESC but leaves DEL, C1 (U+009B is CSI) and bidi controls raw: calibrate --json printed them. */
    @Test
    void everyControlCharacterIsAnEscapeAndReadsBackUnchanged() throws Exception {
        String id = "c3\u001B[2J\u007F\u0085\u009B31m\u202Eevil\u2066é";
        String json = TerminalJson.write(Map.of("id", id));
        assertEquals("{\n  \"id\" : \"c3\\u001B[2J\\u007F\\u0085\\u009B31m\\u202Eevil\\u2066é\"\n}", json.replace("\r\n", "\n"));
        assertEquals(id, new ObjectMapper().readTree(json).get("id").asText());
    }
}
