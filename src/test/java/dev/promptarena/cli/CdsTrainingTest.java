package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's class-data-sharing training run (pom.xml, cds-training) makes real calls: every generation and judge call of
 * its loopback run goes over HTTP through the OpenAI and Anthropic clients and succeeds, the judge's verdicts parse, and
 * the second run is answered from the response cache. If the loopback server or the config drifted, the archive would
 * silently stop covering the HTTP path again; this pins it.
 */
class CdsTrainingTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void trainingRunsCallTheRealClientsOverLoopbackThenHitTheCache(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = CdsTraining.train(Path.of("examples/support-bot.arena.yaml"), Path.of("golden-sets/support-bot.jsonl"),
                Path.of("rubrics/support-bot.yaml"), dir.resolve("training"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

        List<JsonNode> calls = journal(dir.resolve("training/calls"));
        long cases = Files.readAllLines(Path.of("golden-sets/support-bot.jsonl")).stream().filter(l -> !l.isBlank()).count();
        assertEquals(3 * cases, calls.size());
        for (JsonNode c : calls) {
            assertTrue(c.path("failure").isNull(), c.toString());
            assertEquals(1, c.path("response").path("attempts").asInt(), c.toString());
            assertTrue(!c.path("response").path("cached").asBoolean(), c.toString());
        }
        // A on the OpenAI wire format, B on Anthropic's, the judge on OpenAI's: each provider's client was used.
        Map<String, String> providerByRole = calls.stream().collect(Collectors.toMap(c -> c.path("role").asText(),
                c -> c.path("provider").asText(), (a, b) -> a.equals(b) ? a : a + "," + b));
        assertEquals(Map.of("A", "openai", "B", "anthropic", "JUDGE", "openai"), providerByRole);

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertTrue(stdout.contains("Calls: " + 3 * cases + " issued, 0 cache hits, 0 from the journal, 0 retries, 0 failed"), stdout);
        assertTrue(stdout.contains("Calls: 0 issued, " + 3 * cases + " cache hits"), stdout);
        // The judge's verdicts parsed: in both loopback runs every case scored, none unparseable.
        String scored = "B vs A \u2014 " + cases + " outcomes (" + cases + " scored: ";
        assertEquals(2, stdout.split(java.util.regex.Pattern.quote(scored), -1).length - 1, stdout);
        assertEquals(3, stdout.split("0 unparseable, 0 errors", -1).length - 1, stdout);
    }

    private List<JsonNode> journal(Path outDir) throws Exception {
        try (var runs = Files.list(outDir)) {
            Path run = runs.filter(p -> p.getFileName().toString().matches("\\d{8}-.*")).findFirst().orElseThrow();
            return Files.readAllLines(run.resolve("journal.jsonl")).stream().map(l -> {
                try {
                    return json.readTree(l);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
