package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.run.RecordedRun;
import dev.promptarena.stats.Verdict;
import dev.promptarena.stats.VerdictCombiner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** calibrate and compare on real (simulated) run folders, through the CLI. */
class CalibrateAndCompareCommandTest {
    @TempDir static Path dir;
    static Path run;
    static List<CaseRecord> records;

    @BeforeAll
    static void runTheArena() throws IOException {
        Path config = CliRuns.arena(dir, "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n");
        CliRuns.Result r = CliRuns.cli("run", config.toString(), "-q");
        assertTrue(List.of(0, 1, 3).contains(r.exit()), r.err());
        run = CliRuns.newestRun(dir.resolve("reports"));
        records = RecordedRun.readCases(run.resolve("cases.jsonl"));
        assertEquals(8, records.size());
    }

    /** Labels agreeing with the judge's verdict on all but {@code wrong} cases. */
    private static Path labels(int wrong) throws IOException {
        StringBuilder csv = new StringBuilder("case_id,label\n");
        for (int i = 0; i < records.size(); i++) {
            Verdict v = VerdictCombiner.combine(records.get(i).outcome());
            String agree = v == Verdict.A ? "A" : v == Verdict.B ? "B" : "tie";
            String disagree = v == Verdict.A ? "B" : "A";
            csv.append(records.get(i).caseId()).append(',').append(i < wrong ? disagree : agree).append('\n');
        }
        Path p = dir.resolve("human-" + wrong + ".csv");
        Files.writeString(p, csv.toString());
        return p;
    }

    @Test
    void sixOfEightIsBelowTheDefaultThresholdSoExit1() throws IOException {
        CliRuns.Result r = CliRuns.cli("calibrate", run.toString(), "--labels", labels(2).toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("agreement 75.0% (6 of 8)"), r.out());
        assertTrue(r.out().contains("RECALIBRATE THE JUDGE: agreement 75.0% (95% interval 40.9%-92.9%); its point estimate is below"
                + " the threshold 80%"), r.out());
    }

    @Test
    void fullAgreementTrustsTheJudgeAndALowerThresholdIsHonoured() throws IOException {
        assertEquals(0, CliRuns.cli("calibrate", run.toString(), "--labels", labels(0).toString()).exit());
        assertEquals(0, CliRuns.cli("calibrate", run.toString(), "--labels", labels(2).toString(), "--threshold", "0.75").exit());
    }

    /** --rule as the docs spell it; a value it does not know is one error line naming it, before anything is read. */
    @Test
    void theLowerBoundRuleIsSpelledAsDocumentedAndAWrongRuleIsRefused() throws IOException {
        assertEquals(0, CliRuns.cli("calibrate", run.toString(), "--labels", labels(2).toString(), "--threshold", "0.75", "--rule", "point").exit());
        assertEquals(1, CliRuns.cli("calibrate", run.toString(), "--labels", labels(2).toString(), "--threshold", "0.75", "--rule", "lower-bound").exit());
        CliRuns.Result wrong = CliRuns.cli("calibrate", run.toString(), "--labels", labels(2).toString(), "--rule", "strict");
        assertEquals(2, wrong.exit());
        assertEquals("error: Invalid value for option '--rule': expected one of point, lower-bound, got 'strict'", wrong.err().strip());
    }

    @Test
    void jsonOutputCarriesTheNumbers() throws IOException {
        CliRuns.Result r = CliRuns.cli("calibrate", run.toString(), "--labels", labels(2).toString(), "--json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(0.75, json.path("panel").path("agreement").asDouble(), 1e-12);
        assertEquals("recalibrate the judge", json.path("verdict").asText());
        assertEquals(8, json.path("labelledItems").asInt());
        // The split of the judge's mistakes by slot and length, under the field names docs/statistics.md 17 gives.
        JsonNode split = json.path("humanCorrected").path("positionAndLength");
        assertTrue(split.path("wrongVotes").asInt() > 0, r.out());
        for (String name : new String[] {"firstSlot", "longer"}) {
            JsonNode test = split.path(name).path("test");
            for (String field : new String[] {"votes", "wrong", "wrongToPosition", "share", "expectedShare", "designEffect", "p"}) {
                assertTrue(test.has(field), name + "." + field + ": " + r.out());
            }
            assertTrue(split.path(name).has("pHolm") && split.path(name).path("biased").isBoolean(), r.out());
        }
        assertEquals(split.path("wrongVotes").asInt(), split.path("firstSlot").path("test").path("wrong").asInt(), r.out());
    }

    /** The ids of labels for cases not in the run come from the labels file: printed, they must not drive the terminal. */
    @Test
    void unknownCaseIdsArePrintedWithoutTerminalControlSequences() throws IOException {
        Path p = dir.resolve("hostile-ids.csv");
        Files.writeString(p, Files.readString(labels(0)) + "\"x\u001B]0;pwned\u0007y\u001B[2Jz\",A\n");
        CliRuns.Result r = CliRuns.cli("calibrate", run.toString(), "--labels", p.toString());
        assertTrue(r.out().contains("labels for cases not in the run were left out: xyz"), r.out());
        assertTrue(r.out().chars().noneMatch(c -> c == 0x1B || c == 0x07), r.out());
    }

    @Test
    void aBadLabelsFileExits2NamingFileLineAndColumn() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "case_id,label\nc1,A\nc2,better\n");
        CliRuns.Result r = CliRuns.cli("calibrate", run.toString(), "--labels", bad.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(bad + ":3: label: expected A, B or tie, got 'better'"), r.err());
        assertEquals(2, CliRuns.cli("calibrate", run.toString(), "--labels", labels(0).toString(), "--threshold", "1.5").exit());
        assertTrue(CliRuns.cli("calibrate", "--help").out().contains("1 recalibrate the judge"));
    }

    /**
     * A copy of the run's folder as compare reads it (manifest, outcomes, report.json; compare also reads the results,
     * issue 19) in {@code to}, its manifest changed by {@code edit}; returns the changed manifest.
     */
    private static com.fasterxml.jackson.databind.node.ObjectNode copyOfRun(Path to,
            java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit) throws IOException {
        Files.createDirectories(to);
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode m = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(run.resolve("manifest.json").toFile());
        edit.accept(m);
        Files.writeString(to.resolve("manifest.json"), json.writeValueAsString(m));
        Files.copy(run.resolve("outcomes.jsonl"), to.resolve("outcomes.jsonl"));
        Files.copy(run.resolve("report.json"), to.resolve("report.json"));
        return m;
    }

    @Test
    void compareReadsOlderManifestsAndFlagsAnotherTemplate() throws IOException {
        Path old = dir.resolve("old-run");
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode m = copyOfRun(old, manifest -> {
            manifest.remove(List.of("judges", "modelFamilies", "selfPreference"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.get("judge")).remove(List.of("id", "structured"));
        });
        assertEquals(0, CliRuns.cli("compare", old.toString(), run.toString()).exit(), "a manifest from before panels reads as one judge");
        m.put("judgeTemplateSha256", "0000");
        Files.writeString(old.resolve("manifest.json"), json.writeValueAsString(m));
        CliRuns.Result r = CliRuns.cli("compare", old.toString(), run.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("judge template (sha256): 0000 vs "), r.out());
        assertEquals(2, CliRuns.cli("compare", dir.resolve("nope").toString(), run.toString()).exit());
    }

    /** A run folder's text (here a manifest's field, as another machine may have written it) reaches the terminal plain. */
    @Test
    void compareWritesTheRunsTextWithoutTerminalControlSequences() throws IOException {
        Path hostile = dir.resolve("hostile-run");
        copyOfRun(hostile, manifest -> manifest.put("judgeTemplateSha256", "\u001b]0;pwned\u0007\u001b[2J\u009b31m"));
        CliRuns.Result r = CliRuns.cli("compare", hostile.toString(), run.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("judge template (sha256): "), r.out());
        assertTrue(r.out().chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x9b), "no control character: " + r.out());
    }

    /** --out naming a file, not a folder: the reason in words, not just the path the JDK's exception carries. */
    @Test
    void compareSaysWhyItCannotWriteItsFiles() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        CliRuns.Result r = CliRuns.cli("compare", run.toString(), run.toString(), "--out", file.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("cannot write the comparison: already exists"), r.err());
    }

    @Test
    void compareWarnsWhenTheJudgesDiffer() throws IOException {
        assertEquals(0, CliRuns.cli("compare", run.toString(), run.toString()).exit());
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Path config = CliRuns.arena(other, "judge: {provider: sim, model: sim-judge-2, order: random, samples: 3}\n");
        CliRuns.cli("run", config.toString(), "-q", "--limit", "2");
        CliRuns.Result r = CliRuns.cli("compare", run.toString(), CliRuns.newestRun(other.resolve("reports")).toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("judge model: sim-judge-1 vs sim-judge-2"), r.out());
        assertTrue(r.out().contains("judge order: both vs random"), r.out());
        assertTrue(r.out().contains("judge samples: 1 vs 3"), r.out());
    }
}
