package dev.promptarena.llm;

import dev.promptarena.llm.anthropic.AnthropicProtocol;
import dev.promptarena.llm.openai.OpenAiProtocol;
import dev.promptarena.llm.sim.SimProtocol;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of wire protocols. Adding a protocol is one new package with its client and a
 * {@link WireProtocol}, plus its line here. Presets (named OpenAI-compatible services) are
 * configuration, in {@link ProviderPresets}, not protocols.
 */
public final class WireProtocols {
    /** In the order error messages list them. */
    private static final List<WireProtocol> ALL = List.of(new SimProtocol(), new OpenAiProtocol(), new AnthropicProtocol());

    private WireProtocols() {}

    /** Every registered {@code type:} name. */
    public static List<String> types() { return ALL.stream().map(WireProtocol::type).toList(); }

    public static Optional<WireProtocol> find(String type) {
        return ALL.stream().filter(p -> p.type().equals(type)).findFirst();
    }

    /** Every protocol's list prices, in registry order (a later protocol never replaces an earlier one's entry). */
    public static Map<String, Price> listPrices() {
        Map<String, Price> all = new LinkedHashMap<>();
        ALL.forEach(p -> p.listPrices().forEach(all::putIfAbsent));
        return Collections.unmodifiableMap(all);
    }

    /** True when providers of {@code type} run in-process (no base URL, no response cache). */
    public static boolean isRemote(String type) { return find(type).map(WireProtocol::remote).orElse(true); }
}
