package dev.promptarena.promptfoo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptarena.input.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * promptfoo provider ids ({@code openai:chat:gpt-4o}, {@code anthropic:messages:claude-...},
 * {@code ollama:chat:llama3}, {@code openrouter:openai/gpt-4o}, {@code azure:chat:DEPLOYMENT}...) and their
 * {@code config} (apiBaseUrl/apiHost, apiKeyEnvar, temperature, max_tokens, top_p, seed) to provider
 * entries with presets. Anything else in {@code config} is listed as not mapped; a literal {@code apiKey}
 * is never copied (keys live in environment variables here).
 */
final class PromptfooProviders {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** promptfoo id prefix -> our preset. Mistral and DeepSeek speak the OpenAI wire format at these URLs. */
    private static final Map<String, String> PRESETS = Map.ofEntries(Map.entry("openai", "openai"), Map.entry("anthropic", "anthropic"),
            Map.entry("ollama", "ollama"), Map.entry("openrouter", "openrouter"), Map.entry("groq", "groq"),
            Map.entry("togetherai", "together"), Map.entry("together", "together"), Map.entry("azure", "azure"),
            Map.entry("azureopenai", "azure"), Map.entry("vllm", "vllm"), Map.entry("lmstudio", "lmstudio"),
            Map.entry("llamacpp", "llamacpp"));
    private static final Map<String, String[]> OPENAI_COMPATIBLE = Map.of(
            "mistral", new String[] {"https://api.mistral.ai/v1", "MISTRAL_API_KEY"},
            "deepseek", new String[] {"https://api.deepseek.com/v1", "DEEPSEEK_API_KEY"});
    /** Words promptfoo puts between the vendor and the model name. */
    private static final Set<String> MODES = Set.of("chat", "messages", "completion", "responses");
    private static final Set<String> DECODING = Set.of("temperature", "max_tokens", "top_p", "seed");

    private final ImportNotes notes;

    PromptfooProviders(ImportNotes notes) { this.notes = notes; }

    List<Target> read(YamlNode node) {
        List<Target> out = new ArrayList<>();
        List<YamlNode> items = node.isScalar() ? List.of(node) : node.list();
        for (YamlNode item : items) {
            Target t = item.isScalar() ? target(item, item.text(), null, null) : fromObject(item);
            if (t != null) out.add(t);
        }
        return out;
    }

    private Target fromObject(YamlNode item) {
        if (item.get("id") != null) return target(item, item.require("id").text(), item.text("label", null), item.get("config"));
        // The older {"openai:gpt-4o": {config: ...}} form.
        Map.Entry<String, YamlNode> only = item.entries().entrySet().iterator().next();
        return target(item, only.getKey(), only.getValue().text("label", null), only.getValue().get("config"));
    }

    private Target target(YamlNode at, String id, String label, YamlNode config) {
        String where = at.file().getFileName() + ":" + at.line();
        String[] parts = id.split(":", -1);
        String vendor = parts[0].toLowerCase();
        int modelStart = parts.length > 2 && MODES.contains(parts[1]) ? 2 : 1;
        String model = parts.length > modelStart ? String.join(":", List.of(parts).subList(modelStart, parts.length)) : "";
        ObjectNode provider = F.objectNode();
        if (PRESETS.containsKey(vendor)) {
            provider.put("preset", PRESETS.get(vendor));
        } else if (OPENAI_COMPATIBLE.containsKey(vendor)) {
            provider.put("type", "openai").put("base_url", OPENAI_COMPATIBLE.get(vendor)[0]).put("api_key_env", OPENAI_COMPATIBLE.get(vendor)[1]);
        } else {
            notes.unmapped(where, "provider '" + id + "' has no equivalent (supported: OpenAI-compatible and Anthropic endpoints,"
                    + " presets " + String.join(", ", new java.util.TreeSet<>(PRESETS.values())) + ")");
            return null;
        }
        if (model.isEmpty()) {
            notes.unmapped(where, "provider '" + id + "' names no model; skipped");
            return null;
        }
        String name = vendor.equals("azure") || vendor.equals("azureopenai") ? "azure" : provider.has("preset") ? provider.get("preset").asText() : vendor;
        if (name.equals("azure")) provider.putObject("options").put("deployment", model);
        ObjectNode decoding = F.objectNode();
        if (config != null) {
            for (Map.Entry<String, YamlNode> e : config.entries().entrySet()) {
                String key = e.getKey();
                YamlNode v = e.getValue();
                switch (key) {
                    case "apiBaseUrl" -> provider.put("base_url", v.text());
                    case "apiHost" -> provider.put("base_url", v.text().startsWith("http") ? v.text() : "https://" + v.text());
                    case "apiKeyEnvar" -> provider.put("api_key_env", v.text());
                    case "apiKey" -> notes.unmapped(where, "config.apiKey: keys are never written in a config here; export it and name the"
                            + " variable with api_key_env (the preset's default is used)");
                    case "max_completion_tokens", "maxTokens" -> decoding.put("max_tokens", v.integer());
                    default -> {
                        if (DECODING.contains(key)) {
                            if (key.equals("max_tokens") || key.equals("seed")) decoding.put(key, v.integer());
                            else decoding.put(key, v.number());
                        } else {
                            notes.unmapped(where, "provider config." + key + " has no equivalent (decoding here: temperature, top_p, max_tokens, seed)");
                        }
                    }
                }
            }
        }
        return new Target(label != null ? label : id, name, provider, model, decoding);
    }
}
