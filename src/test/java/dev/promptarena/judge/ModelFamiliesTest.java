package dev.promptarena.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptarena.config.JudgeConfig;
import dev.promptarena.config.VariantConfig;
import dev.promptarena.llm.Decoding;
import dev.promptarena.stats.SelfPreference;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelFamiliesTest {
    private final ModelFamilies families = new ModelFamilies(Map.of("my-finetune-7", "llama", "Acme-Judge", "acme"));

    @Test
    void detectsTheCommonFamiliesWhateverThePrefixOrRoute() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("gpt-4o-mini", "openai"), Map.entry("openai/gpt-4.1", "openai"), Map.entry("o3-mini", "openai"),
                Map.entry("o1", "openai"), Map.entry("o4-mini-2025-04-16", "openai"), Map.entry("chatgpt-4o-latest", "openai"),
                Map.entry("claude-3-5-sonnet-20241022", "anthropic"), Map.entry("anthropic.claude-3-haiku-20240307-v1:0", "anthropic"),
                Map.entry("gemini-1.5-pro", "google"), Map.entry("google/gemma-2-9b-it", "google"),
                Map.entry("meta-llama/Llama-3.1-70B-Instruct", "meta"), Map.entry("llama3.1:8b", "meta"),
                Map.entry("mistral-large-latest", "mistral"), Map.entry("mixtral-8x7b-32768", "mistral"),
                Map.entry("Qwen/Qwen2.5-72B-Instruct", "qwen"), Map.entry("qwq-32b", "qwen"),
                Map.entry("deepseek-chat", "deepseek"), Map.entry("command-r-plus", "cohere"),
                Map.entry("phi-3-mini-4k-instruct", "microsoft"), Map.entry("grok-2-1212", "xai"));
        expected.forEach((model, family) -> assertEquals(Set.of(family), families.of(model), model));
    }

    @Test
    void unknownSimulatedAndLookalikeIdsHaveNoFamily() {
        for (String model : List.of("sim-judge-1", "recorded", "yolo1-detector", "my-own-model", "commander-x")) {
            assertEquals(Set.of(), families.of(model), model);
        }
    }

    @Test
    void aDistilledModelBelongsToBothFamilies() {
        assertEquals(Set.of("deepseek", "meta"), families.of("deepseek-r1-distill-llama-70b"));
    }

    @Test
    void configOverridesWinAndAcceptAliases() {
        assertEquals(Set.of("meta"), families.of("my-finetune-7"), "llama is an alias of meta");
        assertEquals(Set.of("acme"), families.of("acme-judge"), "case-insensitive; unknown family names are kept");
        assertEquals("anthropic", ModelFamilies.canonical("Claude"));
    }

    @Test
    void findsEveryJudgeThatSharesAFamilyWithAVariant() {
        JudgeConfig gpt = judge("gpt", "gpt-4o");
        JudgeConfig claude = judge("claude", "claude-3-5-sonnet");
        JudgeConfig tuned = judge("tuned", "my-finetune-7");
        List<SelfPreference> found = SelfPreferenceCheck.find(List.of(gpt, claude, tuned),
                List.of(variant("A", "gpt-4o-mini"), variant("B", "llama-3.1-8b")), families);
        assertEquals(List.of(new SelfPreference("gpt", "gpt-4o", "A", "gpt-4o-mini", "openai"),
                new SelfPreference("tuned", "my-finetune-7", "B", "llama-3.1-8b", "meta")), found);
        assertEquals(List.of(), SelfPreferenceCheck.find(List.of(claude), List.of(variant("A", "gpt-4o")), families));
    }

    private static JudgeConfig judge(String id, String model) {
        return new JudgeConfig(id, "p", model, JudgeConfig.Order.RANDOM, 0, Decoding.UNSET, null, 1, true);
    }

    private static VariantConfig variant(String slot, String model) {
        return new VariantConfig(slot, slot, "p", model, null, "{{q}}", Decoding.UNSET, List.of(), null);
    }
}
