package dev.promptarena.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry is the one place wire types are known: config validation, the factory and the engine ask it. */
class WireProtocolsTest {
    @Test
    void eachTypeIsRegisteredOnceWithItsDefaults() {
        assertEquals(List.of("sim", "openai", "anthropic"), WireProtocols.types());
        for (String t : WireProtocols.types()) assertEquals(t, WireProtocols.find(t).orElseThrow().type());
        assertEquals("https://api.anthropic.com", WireProtocols.find("anthropic").orElseThrow().defaultBaseUrl());
        assertNull(WireProtocols.find("openai").orElseThrow().defaultBaseUrl(), "openai-compatible servers must name their URL");
        assertFalse(WireProtocols.isRemote("sim"));
        assertTrue(WireProtocols.isRemote("openai") && WireProtocols.isRemote("anthropic"));
        assertTrue(WireProtocols.find("grpc").isEmpty());
        assertEquals("https://api.anthropic.com", ProviderPresets.find("anthropic").orElseThrow().toConfig("x", null, null, 4, null, null,
                java.util.Map.of(), java.util.Map.of()).baseUrl(), "the preset uses the protocol's URL");
    }
}
