package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.input.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Human labels are named by content in every report (SHA-256 of the file, not just its path), {@code run --resume
 * --labels F} uses F, and {@code merge --labels F} decides the merged run on F — checked before anything is written.
 */
class HumanLabelsProvenanceTest {
    private static final String JUDGE = "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n"
            + "decision:\n  metric: human_corrected_win_rate\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private Path labels(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "case_id,label\n" + body);
        return p;
    }

    private static final String SIX_A_TWO_TIES = "c1,A\nc2,A\nc3,A\nc4,A\nc5,A\nc6,A\nc7,tie\nc8,tie\n";

    private static void assertNamedByContent(Path run, Path labels) throws IOException {
        String sha = Hashing.sha256(Files.readAllBytes(labels));
        JsonNode source = JSON.readTree(run.resolve("report.json").toFile()).path("humanLabels");
        assertEquals(sha, source.path("sha256").asText(), source.toString());
        assertEquals(labels.getFileName().toString(), source.path("file").asText());
        assertEquals("case_id,label", source.path("format").asText());
        assertEquals(8, source.path("rows").asInt());
        for (String f : List.of("summary.md", "summary.csv", "report.html")) {
            assertTrue(Files.readString(run.resolve(f)).contains(sha), f + " names the labels by their SHA-256");
        }
    }

    @Test
    void runAndReportRecordTheLabelsSha256() throws Exception {
        Path config = CliRuns.arena(dir, JUDGE);
        Path human = labels("human.csv", SIX_A_TWO_TIES);
        CliRuns.Result r = CliRuns.cli("run", config.toString(), "--labels", human.toString());
        assertEquals(1, r.exit(), r.err());
        Path run = CliRuns.newestRun(dir.resolve("reports"));
        assertNamedByContent(run, human);
        assertTrue(r.out().contains("sha256 " + Hashing.sha256(Files.readAllBytes(human))), r.out());
        // Other labels under the same name (c7 relabelled): report records the new content's hash.
        String before = JSON.readTree(run.resolve("report.json").toFile()).path("humanLabels").path("sha256").asText();
        Files.writeString(human, "case_id,label\n" + SIX_A_TWO_TIES.replace("c7,tie", "c7,A"));
        CliRuns.Result again = CliRuns.cli("report", run.toString(), "-q", "--labels", human.toString());
        assertEquals(1, again.exit(), again.err());
        assertNamedByContent(run, human);
        assertFalse(before.equals(JSON.readTree(run.resolve("report.json").toFile()).path("humanLabels").path("sha256").asText()));
    }

    @Test
    void resumeWithLabelsUsesThem() throws Exception {
        Path config = CliRuns.arena(dir, JUDGE);
        CliRuns.Result first = CliRuns.cli("run", config.toString(), "-q");
        assertEquals(2, first.exit(), "no labels: the gate refuses " + first.err());
        Path run = CliRuns.newestRun(dir.resolve("reports"));
        Path human = labels("human.csv", SIX_A_TWO_TIES);
        CliRuns.Result resumed = CliRuns.cli("run", "--resume", run.toString(), "-q", "--labels", human.toString());
        assertEquals(1, resumed.exit(), resumed.out() + resumed.err());
        JsonNode report = JSON.readTree(run.resolve("report.json").toFile());
        assertTrue(report.path("analysis").path("decision").path("reasons").get(0).asText().contains("human-corrected"), report.path("analysis").toString());
        assertNamedByContent(run, human);
        // Recorded, so a later resume without --labels keeps them.
        assertTrue(JSON.readTree(run.resolve("manifest.json").toFile()).path("args").toString().contains("--labels"));
        CliRuns.Result later = CliRuns.cli("run", "--resume", run.toString(), "-q");
        assertEquals(1, later.exit(), later.err());
        // Bad labels on resume: exit 2 naming the file, and the run's reports are left as they were.
        String before = Files.readString(run.resolve("report.json"));
        Path other = labels("other.csv", "x1,A\nx2,B\n");
        CliRuns.Result bad = CliRuns.cli("run", "--resume", run.toString(), "-q", "--labels", other.toString());
        assertEquals(2, bad.exit(), bad.err());
        assertTrue(bad.err().contains(other.toString()) && bad.err().contains("at least 2 cases"), bad.err());
        assertEquals(before, Files.readString(run.resolve("report.json")));
    }

    @Test
    void mergeWithLabelsDecidesOnThemAndWithoutRefusesLikeRun() throws Exception {
        Path config = CliRuns.arena(dir, JUDGE);
        for (int k = 1; k <= 2; k++) {
            CliRuns.Result shard = CliRuns.cli("run", config.toString(), "-q", "--shard", k + "/2", "--out", dir.resolve("shards").toString());
            assertEquals(0, shard.exit(), shard.err());
        }
        List<String> shards;
        try (Stream<Path> s = Files.list(dir.resolve("shards"))) {
            shards = s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().contains("-shard-")).map(Path::toString).sorted().toList();
        }
        assertEquals(2, shards.size());
        Path human = labels("human.csv", SIX_A_TWO_TIES);
        // Labels of no case of the shards, or a label sheet: exit 2 and no merged folder.
        Path other = labels("other.csv", "x1,A\nx2,B\n");
        CliRuns.Result bad = CliRuns.cli(Stream.concat(Stream.of("merge", "--run-dir", dir.resolve("bad").toString(), "--labels", other.toString()),
                shards.stream()).toArray(String[]::new));
        assertEquals(2, bad.exit(), bad.err());
        assertTrue(bad.err().contains("at least 2 cases of the shards' cases"), bad.err());
        assertFalse(Files.exists(dir.resolve("bad")), "nothing written");
        CliRuns.Result merged = CliRuns.cli(Stream.concat(Stream.of("merge", "--run-dir", dir.resolve("merged").toString(), "--labels", human.toString()),
                shards.stream()).toArray(String[]::new));
        assertEquals(1, merged.exit(), merged.err());
        assertNamedByContent(dir.resolve("merged"), human);
        // The same labels on the single-machine run give the same decision and exit code.
        CliRuns.Result whole = CliRuns.cli("run", config.toString(), "-q", "--labels", human.toString(), "--out", dir.resolve("whole").toString());
        assertEquals(whole.exit(), merged.exit());
        CliRuns.Result none = CliRuns.cli(Stream.concat(Stream.of("merge", "--run-dir", dir.resolve("nolabels").toString()), shards.stream()).toArray(String[]::new));
        assertEquals(2, none.exit(), "refuses to decide without labels, as run does: " + none.err() + none.out());
        assertTrue(none.err().contains("decision.metric is human_corrected_win_rate"), none.err());
    }
}
