package dev.promptarena.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.llm.Price;
import dev.promptarena.engine.PriceTable;
import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate and run --dry-run show what would be called: providers resolved, key variables, prices. */
class ProvidersTableTest {
    @TempDir Path dir;

    /** The one-case golden set and one-axis rubric every arena here reads. */
    private void goldenSetAndRubric() throws IOException {
        Files.writeString(dir.resolve("g.jsonl"), "{\"id\": \"1\", \"q\": \"hi\"}\n");
        Files.writeString(dir.resolve("r.yaml"), "axes:\n  - {name: Clarity, description: clear, anchors: {1: a, 3: b, 5: c}}\n");
    }

    private Path arena() throws IOException {
        goldenSetAndRubric();
        Path cfg = dir.resolve("arena.yaml");
        Files.writeString(cfg, """
                name: t
                dataset: g.jsonl
                rubric: r.yaml
                providers:
                  router: {preset: openrouter, concurrency: 4}
                  local: {preset: ollama}
                  spare: {preset: groq}
                variants:
                  A: {provider: router, model: openai/gpt-4o-mini, user: "{{q}}"}
                  B: {provider: local, model: llama3.1:8b, user: "{{q}}"}
                judge: {provider: router, model: anthropic/claude-3-5-sonnet-latest}
                """);
        return cfg;
    }

    @Test
    void validateShowsResolvedProvidersAndWarnsAboutKeysAndPrices() throws IOException {
        CliRun r = CliRun.of(Map.of(), "validate", arena().toString());
        assertEquals(0, r.exitCode(), r.err());
        String router = r.out().lines().filter(l -> l.startsWith("router")).findFirst().orElseThrow();
        assertTrue(router.contains("https://openrouter.ai/api/v1"), router);
        assertTrue(router.contains("OPENROUTER_API_KEY (NOT SET)"), router);
        assertTrue(router.contains("A, judge"), router);
        // Vendor-prefixed names are priced by their base model.
        assertTrue(router.contains("openai/gpt-4o-mini $0.15/$0.60, anthropic/claude-3-5-sonnet-latest $3.00/$15.00"), router);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("spare") && l.contains("(unused)") && l.contains("GROQ_API_KEY (NOT SET)")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("local") && l.contains("http://localhost:11434/v1") && l.contains(" none ")), r.out());
        assertTrue(r.err().contains("warning: OPENROUTER_API_KEY is not set (provider router, used by A, judge)"), r.err());
        assertFalse(r.err().contains("GROQ_API_KEY is not set"), "an unused provider's key does not matter");
        assertTrue(r.err().contains("warning: no price for model llama3.1:8b (provider local)"), r.err());

        CliRun withKey = CliRun.of(Map.of("OPENROUTER_API_KEY", "sk-or-secret"), "run", arena().toString(), "--dry-run");
        assertEquals(0, withKey.exitCode(), withKey.err());
        assertTrue(withKey.out().contains("OPENROUTER_API_KEY (set)"), withKey.out());
        assertFalse(withKey.out().contains("sk-or-secret") || withKey.err().contains("sk-or-secret"), "the key's value is never shown");
        assertFalse(withKey.err().contains("is not set"), withKey.err());
    }

    @Test
    void vendorPrefixFallsBackToTheBaseModelButAnExactPriceWins() {
        PriceTable t = new PriceTable(Map.of("openai/gpt-4o", new Price(9, 9)));
        assertEquals(new Price(9, 9), t.price("openai/gpt-4o").orElseThrow());
        assertEquals(new Price(0.40, 1.60), t.price("openai/gpt-4.1-mini-2025-04-14").orElseThrow());
        assertTrue(t.price("meta-llama/llama-3.1-8b").isEmpty());
        assertTrue(t.price("openai/").isEmpty());
    }

    /** A base URL with credentials (a proxy's user:password, here the key itself through ${K}) is shown and recorded without them. */
    @Test
    void credentialsInABaseUrlAreNeitherShownNorRecorded() throws IOException {
        goldenSetAndRubric();
        Path cfg = dir.resolve("arena.yaml");
        Files.writeString(cfg, """
                name: t
                dataset: g.jsonl
                rubric: r.yaml
                output: reports
                engine: {max_attempts: 1}
                providers:
                  proxy: {type: openai, base_url: "http://user:${K}@127.0.0.1:1/v1", api_key_env: K}
                variants:
                  A: {provider: proxy, model: m, user: "{{q}}"}
                  B: {provider: proxy, model: m, user: "{{q}}"}
                judge: {provider: proxy, model: j}
                """);
        Map<String, String> env = Map.of("K", "sk-url-SECRET-42");
        CliRun v = CliRun.of(env, "validate", cfg.toString());
        assertTrue(v.out().contains("http://***@127.0.0.1:1/v1"), v.out());
        CliRun run = CliRun.of(env, "run", cfg.toString(), "-q");
        try (var files = Files.walk(dir.resolve("reports"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f).contains("SECRET"), f + " holds the URL's credentials");
            }
        }
        assertFalse((v.out() + v.err() + run.out() + run.err()).contains("SECRET"), run.err());
    }

    /** validate's first line names the arena and the variants, as the run's summary does: without terminal control sequences. */
    @Test
    void validateNamesTheArenaAndVariantsWithoutTerminalControlSequences() throws IOException {
        Path cfg = arena();
        Files.writeString(cfg, Files.readString(cfg).replace("name: t", "name: \"t\\e]0;pwned\\a\\e[2J\"")
                .replace("A: {provider", "A: {name: \"a\\e[2J\", provider"));
        CliRun r = CliRun.of(Map.of(), "validate", cfg.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("ok: t — 1 cases"), r.out());
        assertTrue(r.out().chars().noneMatch(c -> c == 0x1B || c == 0x07), r.out());
    }

    /**
     * A tournament calls every variant, not only its control and first candidate (the config's a and b): a later
     * candidate's provider is listed as used, by the variant's name, and its unset key is warned about; validate names
     * every variant and checks each for self-preference.
     */
    @Test
    void aTournamentsLaterCandidatesCountAsUsers() throws IOException {
        goldenSetAndRubric();
        Path cfg = dir.resolve("arena.yaml");
        Files.writeString(cfg, """
                name: t
                dataset: g.jsonl
                rubric: r.yaml
                providers:
                  local: {preset: ollama}
                  router: {preset: openrouter}
                variants:
                  base: {control: true, provider: local, model: llama3.1:8b, user: "{{q}}"}
                  terse: {provider: local, model: llama3.1:8b, system: "Be brief.", user: "{{q}}"}
                  routed: {provider: router, model: openai/gpt-4o-mini, user: "{{q}}"}
                tournament: {schedule: round_robin}
                judge: {provider: local, model: gpt-4o}
                """);
        for (String command : new String[] {"validate", "run"}) {
            CliRun r = command.equals("run") ? CliRun.of(Map.of(), "run", cfg.toString(), "--dry-run") : CliRun.of(Map.of(), command, cfg.toString());
            assertEquals(0, r.exitCode(), r.err());
            String router = r.out().lines().filter(l -> l.startsWith("router")).findFirst().orElseThrow();
            assertTrue(router.contains(" routed ") && !router.contains("(unused)"), router);
            // A "used by" list wider than its column still ends where the models begin: "judge  llama3.1:8b", not "judge llama3.1:8b".
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("local") && l.contains("base, terse, judge  llama3.1:8b")), r.out());
            assertTrue(r.err().contains("warning: OPENROUTER_API_KEY is not set (provider router, used by routed)"), command + ": " + r.err());
        }
        CliRun v = CliRun.of(Map.of(), "validate", cfg.toString());
        assertTrue(v.out().startsWith("ok: t — 1 cases, 1 rubric axes, 3 variants: base (llama3.1:8b), terse (llama3.1:8b), routed (openai/gpt-4o-mini), control base, judge gpt-4o"), v.out());
        assertTrue(v.err().contains("Self-preference risk") && v.err().contains("openai/gpt-4o-mini"), v.err());
    }
}
