package dev.promptarena.llm.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.BilledUsage;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.Usage;
import dev.promptarena.llm.openai.OpenAiCodec;
import org.junit.jupiter.api.Test;

/** A 200 that cannot be decoded but says what it used carries that usage to the retry layer (it was billed). */
class AnthropicBilledReplyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMessageWithoutContentButWithUsageIsBilled() throws Exception {
        ProviderException e = assertThrows(ProviderException.class, () -> AnthropicCodec.response(JSON.readTree(
                "{\"type\":\"message\",\"model\":\"claude-x\",\"usage\":{\"input_tokens\":12,\"output_tokens\":3}}"), 5));
        assertEquals(ProviderException.Kind.TRANSIENT, e.kind());
        assertEquals(new BilledUsage(new Usage(12, 3), "claude-x"), e.billed());
        ProviderException none = assertThrows(ProviderException.class, () -> AnthropicCodec.response(JSON.readTree("{\"type\":\"message\"}"), 5));
        assertNull(none.billed(), "no usage: not known to be billed, left as before");
    }

    @Test
    void aChatCompletionWithoutChoicesButWithUsageIsBilled() throws Exception {
        ProviderException e = assertThrows(ProviderException.class, () -> OpenAiCodec.response(JSON.readTree(
                "{\"model\":\"gpt-x\",\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":5}}"), 5));
        assertEquals(new BilledUsage(new Usage(20, 5), "gpt-x"), e.billed());
        assertNull(assertThrows(ProviderException.class, () -> OpenAiCodec.response(JSON.readTree("{\"choices\":[]}"), 5)).billed());
    }
}
