package dev.promptarena.config;

import dev.promptarena.input.YamlNode;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.ProviderPresets;
import dev.promptarena.llm.WireProtocol;
import dev.promptarena.llm.WireProtocols;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code providers:} section of arena.yaml: each entry a preset or a wire {@code type:} from the
 * {@link WireProtocols} registry, which also supplies the default base URL.
 */
final class ProvidersSection {
    private ProvidersSection() {}

    /** {@code options.batch_discount}: the share of the list price batch mode saves, in [0, 1). */
    private static void batchDiscount(YamlNode n) {
        double d = n.number();
        if (!(d >= 0 && d < 1)) throw n.error("batch_discount must be at least 0 and below 1 (0.5 = half price), got: " + n.text());
    }

    /**
     * {@code headers}: each one the HTTP client can send. Asked of the client itself, so its rules (token characters,
     * the headers it sets itself such as Host) are not copied here; a refused header failed every call of the run.
     */
    private static void headers(YamlNode n, Map<String, String> headers) {
        headers.forEach((name, value) -> {
            try {
                HttpRequest.newBuilder().header(name, value);
            } catch (IllegalArgumentException e) {
                throw n.get(name).error("this header cannot be sent: " + e.getMessage());
            }
        });
    }

    static Map<String, ProviderConfig> read(YamlNode node) {
        Map<String, ProviderConfig> out = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
            YamlNode p = e.getValue().allowOnly("type", "preset", "base_url", "api_key_env", "concurrency", "requests_per_minute",
                    "tokens_per_minute", "headers", "options");
            Map<String, String> headers = stringMap(p.get("headers"));
            Map<String, String> options = stringMap(p.get("options"));
            if (!headers.isEmpty()) headers(p.get("headers"), headers);
            if (options.containsKey("batch_discount")) batchDiscount(p.get("options").get("batch_discount"));
            int concurrency = ConfigLoader.positiveInt(p.get("concurrency"), 8);
            Double rpm = ConfigLoader.optionalPositive(p.get("requests_per_minute"));
            Double tpm = ConfigLoader.optionalPositive(p.get("tokens_per_minute"));
            if (p.get("base_url") != null) ProviderChecks.requireUrl(p.get("base_url"), p.text("base_url", null));
            YamlNode presetNode = p.get("preset");
            if (presetNode != null) {
                if (p.get("type") != null) throw p.get("type").error("give either type or preset (a preset sets the type)");
                String name = presetNode.oneOf(ProviderPresets.names().toArray(String[]::new));
                try {
                    out.put(e.getKey(), ProviderPresets.find(name).orElseThrow().toConfig(e.getKey(), p.text("base_url", null),
                            p.text("api_key_env", null), concurrency, rpm, tpm, headers, options));
                } catch (IllegalArgumentException ex) {
                    throw p.error(ex.getMessage());
                }
                checkOptions(p, WireProtocols.find(out.get(e.getKey()).type()).orElseThrow(), options);
                continue;
            }
            String type = p.require("type").oneOf(WireProtocols.types().toArray(String[]::new));
            String baseUrl = p.text("base_url", null);
            WireProtocol protocol = WireProtocols.find(type).orElseThrow();
            if (protocol.remote() && baseUrl == null) {
                baseUrl = protocol.defaultBaseUrl();
                if (baseUrl == null) throw p.error("base_url is required for type " + type + " (or use a preset: " + String.join(", ", ProviderPresets.names()) + ")");
            }
            checkOptions(p, protocol, options);
            out.put(e.getKey(), new ProviderConfig(e.getKey(), type, baseUrl, p.text("api_key_env", null), concurrency, rpm, tpm, headers, options));
        }
        if (out.isEmpty()) throw node.error("at least one provider is required");
        return out;
    }

    /**
     * The options the clients read only when the run starts (after the run folder exists): checked here, so a bad one
     * is exit 2 at its line for validate and run alike, instead of exit 4 and a stray run folder.
     */
    private static void checkOptions(YamlNode provider, WireProtocol protocol, Map<String, String> options) {
        YamlNode timeout = provider.get("options") == null ? null : provider.get("options").get("timeout_seconds");
        if (timeout != null && !(timeout.number() > 0)) throw timeout.error("must be a number of seconds above 0, got: " + timeout.text());
        try {
            protocol.checkOptions(options);
        } catch (IllegalArgumentException ex) {
            throw provider.get("options") == null ? provider.error(ex.getMessage()) : provider.get("options").error(ex.getMessage());
        }
    }

    private static Map<String, String> stringMap(YamlNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null) node.entries().forEach((k, v) -> out.put(k, v.text()));
        return out;
    }
}
