package dev.promptarena.promptfoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.promptarena.dataset.DatasetLoader;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.run.ArenaInputs;
import dev.promptarena.testing.CliRun;
import dev.promptarena.util.BidiControls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prompt-arena import promptfoo}: the bundled example end to end, and each mapping rule through the CLI. */
class PromptfooImportTest {
    private static final Path EXAMPLE = Path.of("examples/promptfoo/promptfooconfig.yaml");
    @TempDir Path dir;

    @Test
    void bundledExampleImportsAndValidates() throws IOException {
        Path out = dir.resolve("arena.yaml");
        CliRun r = CliRun.of("import", "promptfoo", EXAMPLE.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("validate: ok (4 cases)"), r.out());
        assertTrue(r.out().contains("everything was mapped"), r.out());
        CliRun v = CliRun.of("validate", out.toString());
        assertEquals(0, v.exitCode(), v.err());

        ArenaInputs in = ArenaInputs.load(out, Map.of());
        assertEquals("Be helpful.", in.config().a().system());
        assertTrue(in.config().b().system().startsWith("Be helpful, cite"));
        assertEquals("gpt-4o-mini", in.config().a().model());
        assertEquals("gpt-4o", in.config().judge().model());
        assertEquals(7L, in.config().a().decoding().seed());
        assertEquals(List.of("Helpfulness", "Factuality"), in.rubric().axes().stream().map(a -> a.name()).toList());
        assertEquals(List.of("not_icontains_share_a_few", "words_max_90"), in.rubric().checkNames());
        GoldenCase first = in.cases().get(0);
        assertEquals("late-package", first.id());
        assertEquals("shipping", first.tags().get("category"));
        assertTrue(first.reference().contains("carrier trace"));
        assertEquals("returns", in.cases().get(3).tags().get("category"));
        assertTrue(in.cases().get(3).reference().contains("(D-5)"));
    }

    /** The converted files shown in docs/from-promptfoo.md and kept beside the example are what the import writes today. */
    @Test
    void committedConversionIsCurrent() throws IOException {
        Path out = dir.resolve("arena.yaml");
        assertEquals(0, CliRun.of("import", "promptfoo", EXAMPLE.toString(), "--out", out.toString()).exitCode());
        for (String f : List.of("arena.yaml", "arena.golden.jsonl", "arena.rubric.yaml")) {
            assertEquals(Files.readString(EXAMPLE.resolveSibling(f)), Files.readString(dir.resolve(f)), f
                    + " differs: regenerate with bin/prompt-arena import promptfoo examples/promptfoo/promptfooconfig.yaml --out examples/promptfoo/arena.yaml");
            assertTrue(Files.readString(Path.of("docs/from-promptfoo.md")).contains(Files.readString(dir.resolve(f))), "docs/from-promptfoo.md shows an old " + f);
        }
    }

    @Test
    void neverOverwritesAndWritesNothingWhenOneFileExists() throws IOException {
        Path out = dir.resolve("arena.yaml");
        Files.writeString(dir.resolve("arena.rubric.yaml"), "mine");
        CliRun r = CliRun.of("import", "promptfoo", EXAMPLE.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("arena.rubric.yaml: already exists"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("arena.golden.jsonl")));
        assertEquals("mine", Files.readString(dir.resolve("arena.rubric.yaml")));
    }

    @Test
    void listsWhatItCannotMap() throws IOException {
        Path cfg = write("promptfooconfig.yaml", """
                prompts: ["Answer: {{question}}", "Answer briefly: {{question}}", "Answer in French: {{ question | upper }}"]
                providers:
                  - python:my_provider.py
                  - id: openrouter:openai/gpt-4o
                    config: {temperature: 0.2, apiKey: sk-secret, stop: ["\\n"]}
                outputPath: results.json
                defaultTest:
                  assert:
                    - type: javascript
                      value: output.length > 3 && output.startsWith('A')
                    - type: levenshtein
                      value: hello
                tests:
                  - vars: {question: ["What is 2+2?", "What is 3+3?"]}
                    assert: [{type: contains, value: "4"}]
                  - vars: {question: "Capital of France?"}
                    assert: [{type: contains, value: Paris}]
                """);
        Path out = dir.resolve("arena.yaml");
        CliRun r = CliRun.of("import", "promptfoo", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String o = r.out();
        assertTrue(o.contains("provider 'python:my_provider.py' has no equivalent"), o);
        assertTrue(o.contains("config.apiKey: keys are never written"), o);
        assertTrue(o.contains("provider config.stop has no equivalent"), o);
        assertTrue(o.contains("'outputPath' has no equivalent"), o);
        assertTrue(o.contains("javascript 'output.length > 3 && output.startsWith('A')' is code we do not run"), o);
        assertTrue(o.contains("levenshtein has no equivalent"), o);
        assertTrue(o.contains("per-case contains"), o);
        assertTrue(o.contains("3 variants; an arena compares two"), o);
        assertTrue(o.contains("not in this arena: Answer in French: {{ question | upper }}"), o);
        assertTrue(o.contains("Nunjucks tags, filters"), o);
        assertFalse(Files.readString(out).contains("sk-secret"));
        // The list var expanded into two cases, as promptfoo does.
        List<GoldenCase> cases = new DatasetLoader().load(dir.resolve("arena.golden.jsonl"));
        assertEquals(List.of("What is 2+2?", "What is 3+3?", "Capital of France?"), cases.stream().map(c -> c.fields().get("question")).toList());
        JsonNode arena = new YAMLMapper().readTree(out.toFile());
        assertEquals("openrouter", arena.at("/providers/openrouter/preset").asText());
        assertEquals("openai/gpt-4o", arena.at("/variants/A/model").asText());
        assertEquals("0.2", arena.at("/decoding/temperature").asText());
        assertTrue(o.contains("validate: ok (3 cases)"), o);
    }

    @Test
    void checksOnlyGetsTheReferenceJudgeAndCsvExpectationsBecomeChecks() throws IOException {
        write("tests.csv", """
                topic,__expected,__metadata:difficulty
                cats,is-json,easy
                dogs,is-json,hard
                """);
        write("more.jsonl", """
                {"vars": {"topic": "owls"}, "assert": [{"type": "is-json"}], "metadata": {"difficulty": "hard"}}
                """);
        Path cfg = write("promptfooconfig.yaml", """
                prompts: [file://p.txt]
                providers: [anthropic:messages:claude-3-5-haiku-latest, ollama:chat:llama3.1]
                defaultTest:
                  assert:
                    - {type: icontains-any, value: [cat, dog, owl]}
                    - {type: regex, value: "^\\\\{"}
                tests: [file://tests.csv, file://more.jsonl]
                """);
        write("p.txt", "Describe {{topic}} as JSON.");
        Path out = dir.resolve("arena.yaml");
        CliRun r = CliRun.of("import", "promptfoo", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("validate: ok (3 cases)"), r.out());
        JsonNode arena = new YAMLMapper().readTree(out.toFile());
        assertEquals("reference", arena.at("/judge/type").asText());
        assertEquals("anthropic", arena.at("/providers/anthropic/preset").asText());
        assertEquals("ollama", arena.at("/variants/B/provider").asText());
        assertEquals("llama3.1", arena.at("/variants/B/model").asText());
        JsonNode rubric = new YAMLMapper().readTree(dir.resolve("arena.rubric.yaml").toFile());
        assertEquals("contains_any", rubric.at("/checks/0/type").asText());
        assertEquals("true", rubric.at("/checks/0/case_insensitive").asText());
        assertEquals("regex", rubric.at("/checks/1/type").asText());
        assertEquals("json", rubric.at("/checks/2/type").asText());
        assertEquals(3, rubric.get("checks").size());
        assertEquals("hard", new ObjectMapper().readTree(Files.readAllLines(dir.resolve("arena.golden.jsonl")).get(2)).at("/tags/difficulty").asText());
    }

    /** A promptfoo config is often copied from elsewhere: the import prints its notes through the terminal neutralizer. */
    @Test
    void notesAndVariantNamesCannotDriveTheTerminal() throws IOException {
        Path cfg = write("promptfooconfig.yaml", """
                prompts: ["Answer: {{question}}", "Brief: {{question}}", "Third \\e]0;owned\\a\\u202Eword: {{question}}"]
                providers:
                  - "python:\\e[31mevil\\u202E.py"
                  - openai:gpt-4o-mini
                tests:
                  - vars: {question: "What is 2+2?"}
                    assert: [{type: contains, value: "4"}]
                """);
        Path out = dir.resolve("arena.yaml");
        CliRun r = CliRun.of("import", "promptfoo", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String o = r.out();
        assertTrue(o.contains("provider 'python:evil.py' has no equivalent"), o);
        assertTrue(o.contains("not in this arena: Third word: {{question}}"), o);
        assertFalse(o.chars().anyMatch(c -> c == 0x1b || c == 0x07 || BidiControls.is((char) c)), "a terminal or bidi control printed: " + o);
    }

    /** The arena refuses A and B with one name, so two variants that promptfoo labels alike are told apart on import. */
    @Test
    void variantsWithOneLabelGetDistinctNames() throws IOException {
        Path cfg = write("promptfooconfig.yaml", """
                prompts: [file://p.txt]
                providers:
                  - {id: "openai:gpt-4o-mini", config: {temperature: 0}}
                  - {id: "openai:gpt-4o-mini", config: {temperature: 0.7}}
                tests:
                  - vars: {topic: cats}
                    assert: [{type: contains, value: cat}]
                """);
        write("p.txt", "Describe {{topic}}.");
        Path out = dir.resolve("arena.yaml");
        CliRun r = CliRun.of("import", "promptfoo", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err() + r.out());
        JsonNode arena = new YAMLMapper().readTree(out.toFile());
        String a = arena.at("/variants/A/name").asText();
        assertEquals(a + " (2)", arena.at("/variants/B/name").asText());
        assertTrue(r.out().contains("validate: ok (1 cases)"), r.out());
    }

    @Test
    void badInputNamesFileAndLine() throws IOException {
        Path cfg = write("promptfooconfig.yaml", "description: x\nproviders: [openai:gpt-4o]\n");
        CliRun r = CliRun.of("import", "promptfoo", cfg.toString(), "--out", dir.resolve("a.yaml").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("promptfooconfig.yaml:1: prompts: required key is missing"), r.err());
        Path one = write("one.yaml", "prompts: [hi]\nproviders: [openai:gpt-4o]\ntests: [{vars: {}}]\n");
        CliRun r2 = CliRun.of("import", "promptfoo", one.toString(), "--out", dir.resolve("b.yaml").toString());
        assertEquals(2, r2.exitCode());
        assertTrue(r2.err().contains("one.yaml:2: providers: an arena compares two variants"), r2.err());
        assertFalse(Files.exists(dir.resolve("a.yaml")) || Files.exists(dir.resolve("b.yaml")));
    }

    @Test
    void aTestsCsvWithAnUnclosedQuoteOrLatin1BytesNamesItsLine() throws IOException {
        // Both were "cannot read: ..." with no line: OpenCSV's "Unterminated quoted field ... [unclosed]", the decoder's
        // "Input length = 1".
        Path cfg = write("promptfooconfig.yaml", "prompts: [\"a {{q}}\", \"b {{q}}\"]\nproviders: [openai:gpt-4o]\ntests: file://tests.csv\n");
        write("tests.csv", "q\nfine\n\"unclosed\nmore\n");
        CliRun quote = CliRun.of("import", "promptfoo", cfg.toString(), "--out", dir.resolve("a.yaml").toString());
        assertEquals(2, quote.exitCode());
        assertTrue(quote.err().contains("tests.csv:3: malformed CSV: a quoted cell is never closed"), quote.err());
        Files.write(dir.resolve("tests.csv"), "q\nfine\nJos\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CliRun latin1 = CliRun.of("import", "promptfoo", cfg.toString(), "--out", dir.resolve("a.yaml").toString());
        assertEquals(2, latin1.exitCode());
        assertTrue(latin1.err().contains("tests.csv:3: not valid UTF-8 text"), latin1.err());
        assertFalse(Files.exists(dir.resolve("a.yaml")));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
