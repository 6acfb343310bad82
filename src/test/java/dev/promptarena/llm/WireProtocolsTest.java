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

    @Test
    void eachProtocolRegistersItsVendorsListPricesAndThePriceTableUsesThem() {
        assertTrue(WireProtocols.find("sim").orElseThrow().listPrices().isEmpty(), "the simulator is free");
        assertEquals(new Price(15.00, 75.00), WireProtocols.find("anthropic").orElseThrow().listPrices().get("claude-opus-4"));
        assertEquals(new Price(2.50, 10.00), WireProtocols.find("openai").orElseThrow().listPrices().get("gpt-4o"));
        assertEquals(12, WireProtocols.listPrices().size(), "7 OpenAI + 5 Anthropic models");
        var table = new dev.promptarena.engine.PriceTable(java.util.Map.of("gpt-4o", new Price(1, 2)));
        assertEquals(new Price(1, 2), table.price("gpt-4o-2024-08-06").orElseThrow(), "the config's prices win, by prefix");
        assertEquals(new Price(3.00, 15.00), table.price("claude-sonnet-4-20250514").orElseThrow(), "a protocol's list price");
    }
}
