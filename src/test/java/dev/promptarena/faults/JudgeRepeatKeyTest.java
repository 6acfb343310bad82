package dev.promptarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.engine.RequestKeys;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.LlmRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 9: repeat 1 can show the judge the very pair repeat 0 showed it. The judge's key
 * carries the repeat, so the two are distinct calls whatever the timing, and keys of repeat 0
 * (every run without --repeats) are what they were before the field existed.
 */
class JudgeRepeatKeyTest {
    private final RequestKeys keys = new RequestKeys();

    private static LlmRequest judgeCall(int repeat) {
        return new LlmRequest("judge-model", "sys", List.of(ChatMessage.user("same pair")), null, null, 0, repeat);
    }

    @Test
    void theSamePairInTwoRepeatsHasTwoKeys() {
        assertNotEquals(keys.key("oa", judgeCall(0)), keys.key("oa", judgeCall(1)));
    }

    @Test
    void repeatZeroKeepsItsOldKeyAndJournalForm() throws Exception {
        LlmRequest old = new LlmRequest("judge-model", "sys", List.of(ChatMessage.user("same pair")), null, null, 0);
        assertEquals(keys.key("oa", old), keys.key("oa", judgeCall(0)));
        assertFalse(new ObjectMapper().readTree(keys.normalized(judgeCall(0))).has("repeat"));
        assertEquals(1, new ObjectMapper().readTree(keys.normalized(judgeCall(1))).get("repeat").asInt());
    }
}
