package dev.promptarena.cli;

import dev.promptarena.testing.RunFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rubric with axes and checks on the sim provider: the LLM judge decides, checks are recorded and summarized beside it. */
class ChecksWithJudgeTest {
    @TempDir Path dir;

    @Test
    void checksRunOnGeneratedOutputsAndReachEveryReport() throws IOException {
        ArenaFixture.goldenSet(dir, 12);
        Files.writeString(dir.resolve("rubric.yaml"), ArenaFixture.RUBRIC + """
                checks:
                  - {name: cites, type: regex, pattern: "S-1"}
                  - {name: answers, type: refusal}
                """);
        Path cfg = ArenaFixture.config(dir, "sim: {type: sim}", "sim", "sim", "both", "");
        CliRun run = CliRun.of("run", cfg.toString(), "--quiet");
        assertTrue(List.of(0, 1, 3).contains(run.exitCode()), run.err());
        Path runDir;
        try (Stream<Path> s = RunFolders.list(dir.resolve("reports"))) { runDir = s.findFirst().orElseThrow(); }

        JsonNode first = new ObjectMapper().readTree(Files.readAllLines(runDir.resolve("cases.jsonl")).get(0));
        assertEquals(2, first.at("/a/checks").size());
        assertEquals("cites", first.at("/checksB/0/name").asText());
        assertTrue(first.at("/traces/0/judge").asText().equals("judge-model"), "the LLM judge decides");
        JsonNode report = new ObjectMapper().readTree(runDir.resolve("report.json").toFile());
        JsonNode cites = report.at("/analysis/checks/0");
        assertEquals("cites", cites.get("name").asText());
        assertEquals(12, cites.get("pairs").asInt());
        assertTrue(report.at("/analysis/similarity").isNull());
        String header = Files.readAllLines(runDir.resolve("cases.csv")).get(0);
        assertTrue(header.contains("check_a.cites,check_b.cites,check_a.answers,check_b.answers"), header);
        assertTrue(Files.readString(runDir.resolve("checks.csv")).startsWith("check,pairs,pass_a,pass_b"));
    }
}
