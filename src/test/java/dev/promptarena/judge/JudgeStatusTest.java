package dev.promptarena.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.stats.Winner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status enum keeps the strings run folders have always held (cases.jsonl, report.json, cases.csv). */
class JudgeStatusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesAndReadsTheOldWireStrings() throws Exception {
        JudgeTrace t = new JudgeTrace("j", 0, false, JudgeStatus.UNPARSEABLE, Winner.UNPARSEABLE, Map.of(), Map.of(), "", "", false, "x", 0, false);
        String json = JSON.writeValueAsString(t);
        assertEquals("unparseable", JSON.readTree(json).get("status").asText());
        assertEquals(t, JSON.readValue(json, JudgeTrace.class));
        assertEquals(JudgeStatus.FAILED, JSON.readValue("\"failed\"", JudgeStatus.class));
        assertEquals(JudgeStatus.OK, JSON.readValue("\"ok\"", JudgeStatus.class));
        assertEquals("ok", JudgeStatus.OK.toString());
        assertThrows(Exception.class, () -> JSON.readValue("\"OK\"", JudgeStatus.class));
    }
}
