package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schedule: adaptive} end to end on the simulated provider (the bundled tournament example with the schedule
 * changed): the dry run's call budget is what the run issues, the first pass is a round robin on the sampled cases,
 * stage two spends exactly its budget on candidate pairs and only on cases outside the first pass, the reports mark
 * stage two as exploratory, and {@code report} rewrites them byte for byte.
 */
class TournamentAdaptiveRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    static Path adaptiveConfig(Path dir, String tournament) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        String yaml = Files.readString(root.resolve("examples/support-bot.tournament.arena.yaml"))
                .replace("../golden-sets", root.resolve("golden-sets").toString())
                .replace("../rubrics", root.resolve("rubrics").toString())
                .replace("user_file: prompts", "user_file: " + root.resolve("examples/prompts"))
                .replace("\n  schedule: round_robin       # vs_control | round_robin\n", "\n" + tournament);
        assertTrue(yaml.contains(tournament), "the example's schedule line changed");
        Path p = dir.resolve("adaptive.arena.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    @Test
    void runsTheAdaptiveScheduleWithinItsBudgetAndKeepsStageTwoOutOfTheInference() throws IOException {
        Path config = adaptiveConfig(dir, "  schedule: adaptive\n  first_pass: 8\n  extra_pairs: 14\n");
        CliRun dry = CliRun.of("run", config.toString(), "--limit", "20", "--dry-run");
        assertEquals(0, dry.exitCode(), dry.err());
        // 3 candidates x 20 cases vs control + 3 candidate pairs x 8 first-pass cases = 84 fixed; + 14 adaptive.
        assertTrue(dry.out().contains("98 judged pairs: 84 fixed in advance"), dry.out());
        assertTrue(dry.out().contains("+ 14 adaptive (candidate pairs on the other 12 cases"), dry.out());
        assertTrue(dry.out().contains("calls: 178 (A 20, B 60, judge 98)"), dry.out());

        Path run = dir.resolve("run");
        CliRun result = CliRun.of("run", config.toString(), "--limit", "20", "--no-cache", "-q", "--run-dir", run.toString());
        assertTrue(List.of(0, 1, 3).contains(result.exitCode()), result.out() + result.err());
        JsonNode engine = JSON.readTree(run.resolve("engine.json").toFile());
        assertEquals(178, engine.path("issued").asInt());
        assertEquals(98, engine.at("/byRole/JUDGE/calls").asInt());

        JsonNode layout = JSON.readTree(run.resolve("tournament.json").toFile());
        Set<String> firstPass = new HashSet<>();
        layout.path("firstPass").forEach(n -> firstPass.add(n.asText()));
        assertEquals(8, firstPass.size());
        int extra = 0, fixed = 0;
        for (JsonNode p : layout.path("pairs")) {
            List<String> cases = caseIds(run.resolve(p.path("dir").asText()));
            if (p.path("adaptive").asBoolean()) {
                extra += cases.size();
                assertTrue(!p.path("a").asText().equals("baseline"), "stage two plays candidate pairs only: " + p);
                assertTrue(p.path("dir").asText().endsWith("-adaptive"), p.toString());
                for (String c : cases) assertTrue(!firstPass.contains(c), "stage two uses cases outside the first pass: " + c);
            } else {
                fixed++;
                if (p.path("a").asText().equals("baseline")) assertEquals(20, cases.size());
                else assertEquals(firstPass, new HashSet<>(cases), "a first-pass candidate pair");
            }
        }
        assertEquals(6, fixed);
        assertEquals(14, extra);
        // Stage two is reported, flagged, and kept out of the ranking's pair table.
        JsonNode report = JSON.readTree(run.resolve("report.json").toFile());
        int flagged = 0;
        for (JsonNode p : report.at("/analysis/pairs")) if (p.path("adaptive").asBoolean()) flagged++;
        assertEquals(layout.path("pairs").size() - 6, flagged);
        assertEquals(7, Files.readAllLines(run.resolve("pairs.csv")).size(), "header + the 6 round-robin pairs");
        assertTrue(Files.readString(run.resolve("summary.md")).contains("Adaptive stage"), "summary names stage two");
        assertTrue(Files.readString(run.resolve("report.html")).contains("not used by the ranking or the gate"));

        List<byte[]> before = new ArrayList<>();
        for (String f : List.of("report.json", "summary.md", "report.html", "ranking.csv")) before.add(Files.readAllBytes(run.resolve(f)));
        CliRun again = CliRun.of("report", run.toString());
        assertEquals(result.exitCode(), again.exitCode(), again.err());
        int i = 0;
        for (String f : List.of("report.json", "summary.md", "report.html", "ranking.csv")) assertArrayEquals(before.get(i++), Files.readAllBytes(run.resolve(f)), f);
    }

    private static List<String> caseIds(Path pairing) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(pairing.resolve("cases.jsonl"))) ids.add(JSON.readTree(line).path("caseId").asText());
        return ids;
    }
}
