package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SideChecksTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void legacyConstructorHasNoChecks() {
        Side s = new Side("hi", 1, 0, 1, false, null, false);
        assertTrue(s.checks().isEmpty());
        assertNull(s.similarity());
    }

    @Test
    void checksSurviveAJsonRoundTripAndOldJournalsStillRead() throws Exception {
        Side s = new Side("hi", 1, 0.5, 1, false, null, false).withChecks(Map.of("json", true, "short", false), 0.75);
        Side back = json.readValue(json.writeValueAsString(s), Side.class);
        assertEquals(s, back);
        Side old = json.readValue("{\"output\":\"x\",\"latencyMillis\":1,\"costUsd\":0,\"outputTokens\":1,"
                + "\"error\":false,\"errorMessage\":null,\"truncated\":false}", Side.class);
        assertTrue(old.checks().isEmpty());
        assertNull(old.similarity());
    }

    @Test
    void similarityMustBeACosine() {
        Side s = new Side("hi", 1, 0, 1, false, null, false);
        assertThrows(IllegalArgumentException.class, () -> s.withChecks(Map.of(), 1.5));
    }
}
