package dev.promptarena.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * An answer's tokens billed before it (attempts without an answer) travel through the journal and the cache, and only
 * when there were some: journal and cache lines of every other answer stay byte for byte what they were, so an older
 * version sharing the cache still reads them.
 */
class LlmResponseJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void billedBeforeIsWrittenOnlyWhenThereWasSomeAndReadBack() throws Exception {
        LlmResponse plain = new LlmResponse("hi", "m", null, new Usage(11, 7), "stop", 5, 1, false);
        String plainJson = json.writeValueAsString(plain);
        assertFalse(plainJson.contains("billedBefore"), plainJson);
        assertEquals(plain, json.readValue(plainJson, LlmResponse.class));

        LlmResponse billed = plain.withBilledBefore(new Usage(20, 5));
        String billedJson = json.writeValueAsString(billed);
        assertTrue(billedJson.contains("\"billedBefore\":{\"inputTokens\":20,\"outputTokens\":5}"), billedJson);
        LlmResponse back = json.readValue(billedJson, LlmResponse.class);
        assertEquals(billed, back);
        assertEquals(new Usage(31, 12), back.allBilled());
        assertEquals(new Usage(20, 5), back.asCached().withAttempts(2).billedBefore(), "kept when served from the cache");
    }
}
