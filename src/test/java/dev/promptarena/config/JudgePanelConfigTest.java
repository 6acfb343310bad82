package dev.promptarena.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.decision.GuardrailSpec;
import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The judges: panel list, the shared judge: settings, families and the judge guardrail. */
class JudgePanelConfigTest {
    @TempDir Path dir;

    private static final String HEAD = """
            name: t
            dataset: cases.jsonl
            rubric: rubric.yaml
            providers:
              sim: {type: sim}
              oa: {type: openai, base_url: "http://localhost:1/v1"}
            variants:
              A: {provider: sim, model: gpt-4o-mini, user: "{{q}}"}
              B: {provider: sim, model: m2, user: "{{q}}"}
            """;

    private Path write(String tail) throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"1\",\"q\":\"hi\"}\n");
        Files.writeString(dir.resolve("rubric.yaml"), "axes: []\n");
        Path p = dir.resolve("arena.yaml");
        Files.writeString(p, HEAD + tail);
        return p;
    }

    private ArenaConfig load(String tail) throws IOException { return new ConfigLoader(Map.of()).load(write(tail)); }

    private InputException fails(String tail) throws IOException {
        Path p = write(tail);
        return assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p));
    }

    @Test
    void aSingleJudgeIsAPanelOfOneWithDefaults() throws IOException {
        ArenaConfig c = load("judge: {provider: sim, model: j}\n");
        assertEquals(1, c.judges().size());
        JudgeConfig j = c.judge();
        assertEquals("j", j.id(), "the id defaults to the model");
        assertEquals(JudgeConfig.Order.RANDOM, j.order());
        assertEquals(1, j.samples());
        assertTrue(j.structured());
        assertEquals(0.0, j.decoding().temperature());
        assertEquals(1024, j.decoding().maxTokens());
    }

    @Test
    void panelEntriesShareOrderSeedAndTemplateAndMayOverrideTheRest() throws IOException {
        Files.writeString(dir.resolve("t.mustache"), "{{{response_a}}} {{{response_b}}}");
        ArenaConfig c = load("""
                judge: {order: both, seed: 5, samples: 2, structured: false, template: t.mustache, decoding: {max_tokens: 300}}
                judges:
                  - {provider: sim, model: j1}
                  - name: second
                    provider: oa
                    model: j1
                    samples: 5
                    structured: true
                    decoding: {temperature: 0.7}
                families: {my-finetune-7: llama}
                """);
        assertEquals(List.of("j1", "second"), c.judges().stream().map(JudgeConfig::id).toList());
        JudgeConfig first = c.judges().get(0), second = c.judges().get(1);
        assertEquals(JudgeConfig.Order.BOTH, second.order());
        assertEquals(5, second.seed());
        assertEquals(dir.resolve("t.mustache"), second.template());
        assertEquals(2, first.samples());
        assertEquals(5, second.samples());
        assertFalse(first.structured());
        assertTrue(second.structured());
        assertEquals(0.7, second.decoding().temperature());
        assertEquals(300, second.decoding().maxTokens(), "the entry's decoding overrides the shared one key by key");
        assertEquals(Map.of("my-finetune-7", "llama"), c.families());
    }

    @Test
    void twoJudgesWithTheSameIdAreAnErrorOnTheSecondEntrysLine() throws IOException {
        InputException e = fails("""
                judges:
                  - {provider: sim, model: j1}
                  - {provider: oa, model: j1}
                """);
        assertEquals(12, e.line());
        assertEquals("judges[1]", e.field());
        assertTrue(e.getMessage().contains("two judges with the id 'j1' (the first at line 11)"), e.getMessage());
    }

    @Test
    void panelErrorsNameFileLineAndKey() throws IOException {
        InputException misplaced = fails("judge: {model: j}\njudges:\n  - {provider: sim, model: j1}\n");
        assertEquals("judge.model", misplaced.field());
        assertEquals(10, misplaced.line());

        InputException unknown = fails("judges:\n  - {provider: sim, model: j1, order: both}\n");
        assertEquals("judges[0].order", unknown.field());
        assertTrue(unknown.getMessage().startsWith("unknown key"), unknown.getMessage());

        InputException provider = fails("judges:\n  - {provider: simm, model: j1}\n");
        assertEquals("judges[0].provider", provider.field());
        assertTrue(provider.getMessage().contains("did you mean 'sim'"), provider.getMessage());

        assertEquals("judges", fails("judges: []\n").field());
        assertEquals("judges", fails("judge: {type: reference}\njudges:\n  - {provider: sim, model: j1}\n").field(),
                "a panel and the reference judge are exclusive");
        assertEquals("judge.samples", fails("judge: {provider: sim, model: j, samples: 0}\n").field());
        assertEquals("judge.structured", fails("judge: {provider: sim, model: j, structured: maybe}\n").field());
    }

    @Test
    void anEmptyJudgeModelOrNameIsAnErrorAtItsKey() throws IOException {
        // They reached JudgeConfig's own check ("id must not be blank"): exit 4, no file, no line.
        InputException model = fails("judge: {provider: sim, model: \"\"}\n");
        assertEquals(List.of(10, "judge.model", "must not be empty"), List.of(model.line(), model.field(), model.getMessage()));
        assertEquals("judge.name", fails("judge: {provider: sim, model: j, name: \" \"}\n").field());
        assertEquals("judges[0].model", fails("judges:\n  - {provider: sim, model: \"\", name: j}\n").field());
    }

    @Test
    void withoutAnyJudgeThePanelIsEmpty() throws IOException {
        ArenaConfig c = load("\n");
        assertEquals(List.of(), c.judges(), "allowed here; the inputs require checks in the rubric then");
        assertEquals(null, c.judge());
        assertEquals(List.of("j"), load("judge: {type: llm, provider: sim, model: j}\n").judges().stream().map(JudgeConfig::id).toList());
    }

    @Test
    void theUnparseableRateGuardrailIsConfigurable() throws IOException {
        ArenaConfig c = load("judge: {provider: sim, model: j}\ndecision:\n  guardrails: {unparseable_rate_max: 0.2}\n");
        assertTrue(c.policy().guardrails().contains(new GuardrailSpec("unparseable_rate_max", 0.2)));
    }
}
