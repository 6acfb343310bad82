package dev.promptarena.judge;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells which model family (lineage) a model id belongs to, for the self-preference check: LLM
 * judges tend to prefer text written by their own family (Panickssery et al. 2024, "LLM Evaluators
 * Recognize and Favor Their Own Generations"). Detection is by well-known name fragments anywhere in
 * the id, so vendor prefixes and routes ({@code openai/gpt-4o}, {@code meta-llama/Llama-3-70b},
 * {@code accounts/fireworks/models/qwen2-72b}) work. A distilled model such as
 * {@code deepseek-r1-distill-llama-70b} belongs to both of its families. Config overrides
 * ({@code families: {my-finetune-7: llama}}) win over detection and accept the aliases below.
 */
public final class ModelFamilies {
    private record Rule(String family, Pattern pattern) {}

    // Boundaries: a fragment must start the id or follow a separator, so "o1" does not match "yolo1".
    private static final String B = "(^|[/:_.\\s-])";
    private static final List<Rule> RULES = List.of(
            rule("openai", B + "(gpt|chatgpt|o[134]|davinci|babbage|text-embedding|codex)([-_.:/\\d]|$)"),
            rule("anthropic", "claude"),
            rule("google", "gemini|gemma|palm-?2|bison|" + B + "learnlm"),
            rule("meta", "llama|" + B + "meta-"),
            rule("mistral", "mistral|mixtral|codestral|ministral|pixtral|magistral|devstral"),
            rule("qwen", "qwen|" + B + "qwq"),
            rule("deepseek", "deepseek"),
            rule("cohere", B + "(command|c4ai|aya)([-_.]|$)|cohere"),
            rule("microsoft", B + "phi-?\\d|wizardlm"),
            rule("xai", "grok"),
            rule("01ai", B + "yi-"),
            rule("zhipu", B + "(chat)?glm"),
            rule("moonshot", "kimi|moonshot"),
            rule("ibm", "granite"),
            rule("ai21", "jamba"),
            rule("nvidia", "nemotron"),
            rule("allenai", "olmo"),
            rule("tii", "falcon"),
            rule("amazon", B + "(nova|titan)([-_.]|$)"));

    /** Names users may write in {@code families:} for a family, besides its canonical name. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("gpt", "openai"), Map.entry("o1", "openai"), Map.entry("claude", "anthropic"),
            Map.entry("gemini", "google"), Map.entry("gemma", "google"), Map.entry("llama", "meta"),
            Map.entry("mixtral", "mistral"), Map.entry("alibaba", "qwen"), Map.entry("command", "cohere"),
            Map.entry("phi", "microsoft"), Map.entry("grok", "xai"), Map.entry("yi", "01ai"), Map.entry("glm", "zhipu"),
            Map.entry("kimi", "moonshot"));

    private final Map<String, String> overrides;

    /** @param overrides model id (case-insensitive) to family name or alias, from the config */
    public ModelFamilies(Map<String, String> overrides) {
        Map<String, String> m = new LinkedHashMap<>();
        overrides.forEach((model, family) -> m.put(model.toLowerCase(Locale.ROOT).trim(), canonical(family)));
        this.overrides = Map.copyOf(m);
    }

    /** The canonical family for a family name or alias ("llama" gives "meta"); unknown names are kept (lower case). */
    public static String canonical(String family) {
        String f = family.toLowerCase(Locale.ROOT).trim();
        return ALIASES.getOrDefault(f, f);
    }

    /** The families of a model id; empty when unknown (simulated and recorded models, in-house names). */
    public Set<String> of(String modelId) {
        if (modelId == null || modelId.isBlank()) return Set.of();
        String id = modelId.toLowerCase(Locale.ROOT).trim();
        String override = overrides.get(id);
        if (override != null) return Set.of(override);
        Set<String> out = new LinkedHashSet<>();
        for (Rule r : RULES) if (r.pattern().matcher(id).find()) out.add(r.family());
        return out;
    }

    private static Rule rule(String family, String regex) { return new Rule(family, Pattern.compile(regex)); }
}
