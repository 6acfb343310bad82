package dev.promptarena.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientFactoryTest {
    private static ProviderConfig provider(String type, String keyEnv) {
        return new ProviderConfig("p", type, "http://127.0.0.1:1/v1", keyEnv, 2, null, null, Map.of(), Map.of());
    }

    @Test
    void aMissingKeyVariableIsNamedNotGuessed() {
        ClientFactory f = new ClientFactory(Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.create(provider("openai", "OPENAI_API_KEY")));
        assertTrue(e.getMessage().contains("OPENAI_API_KEY") && e.getMessage().contains("'p'"), e.getMessage());
    }

    @Test
    void buildsEachWireTypeAndIdentitiesCarryNoKey() {
        ClientFactory f = new ClientFactory(Map.of("K", "sk-test-SECRET123"));
        LlmClient openai = f.create(provider("openai", "K"));
        LlmClient anthropic = f.create(provider("anthropic", "K"));
        assertEquals("openai http://127.0.0.1:1/v1/chat/completions", openai.identity());
        assertEquals("anthropic http://127.0.0.1:1/v1/v1/messages", anthropic.identity());
        assertFalse(openai.identity().contains("SECRET") || anthropic.identity().contains("SECRET"));
        assertTrue(f.create(provider("openai", null)).identity().startsWith("openai "), "local servers need no key");
        assertThrows(IllegalArgumentException.class, () -> f.create(provider("grpc", null)));
    }

    @Test
    void everyPresetIsOpenAiCompatibleOrAnthropic() {
        assertEquals(10, ProviderPresets.names().size());
        for (String name : ProviderPresets.names()) {
            Preset p = ProviderPresets.find(name).orElseThrow();
            assertTrue(p.type().equals("openai") || p.type().equals("anthropic"), name);
        }
        assertTrue(ProviderPresets.find("OLLAMA").isPresent(), "names are case-insensitive");
        assertTrue(ProviderPresets.find("nope").isEmpty());
    }
}
