package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.decision.Gate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decision.metric: human_corrected_win_rate} end to end: {@code run} and {@code report} refuse to decide
 * without labels (exit 2, saying what to do), decide on the corrected rate with them, and exit alike.
 */
class HumanCorrectedGateCommandTest {
    private static final String JUDGE = "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n"
            + "decision:\n  metric: human_corrected_win_rate\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    /**
     * Humans who find A better on six of the eight cases, two ties: the corrected rate is far below 0.5. (With six
     * labels and one tie the skewness-corrected interval of so few labels rightly reaches above 0.5.)
     */
    private Path labels() throws IOException {
        Path p = dir.resolve("human.csv");
        Files.writeString(p, "case_id,label\nc1,A\nc2,A\nc3,A\nc4,A\nc5,A\nc6,A\nc7,tie\nc8,tie\n");
        return p;
    }

    @Test
    void withoutLabelsRunAndReportRefuseToDecideWithExit2() throws Exception {
        Path config = CliRuns.arena(dir, JUDGE);
        CliRuns.Result r = CliRuns.cli("run", config.toString(), "-q");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("no --labels were given"), r.err());
        Path run = CliRuns.newestRun(dir.resolve("reports"));
        assertTrue(r.err().contains("prompt-arena label " + run) && r.err().contains("--labels"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        JsonNode report = JSON.readTree(run.resolve("report.json").toFile());
        assertEquals(Gate.NO_LABELS, report.path("analysis").path("decision").path("reasons").get(0).asText());
        assertEquals("HUMAN_CORRECTED_WIN_RATE", JSON.readTree(run.resolve("manifest.json").toFile()).path("policy").path("metric").asText());
        CliRuns.Result again = CliRuns.cli("report", run.toString(), "-q");
        assertEquals(r.exit(), again.exit(), again.err());
        assertTrue(again.err().contains("decision.metric is human_corrected_win_rate"), again.err());
    }

    @Test
    void withLabelsTheGateDecidesOnTheCorrectedRateAndRunAndReportAgree() throws Exception {
        Path config = CliRuns.arena(dir, JUDGE);
        CliRuns.Result r = CliRuns.cli("run", config.toString(), "-q", "--labels", labels().toString());
        Path run = CliRuns.newestRun(dir.resolve("reports"));
        JsonNode report = JSON.readTree(run.resolve("report.json").toFile());
        JsonNode decision = report.path("analysis").path("decision"), corrected = report.path("humanCorrected").path("corrected");
        assertEquals(1, r.exit(), r.err() + decision);
        assertEquals(corrected.path("estimate").asDouble(), decision.path("winRate").asDouble(), 0);
        assertEquals(corrected.path("interval").path("upper").asDouble(), decision.path("interval").path("upper").asDouble(), 0);
        assertTrue(decision.path("interval").path("upper").asDouble() < 0.5, decision.toString());
        assertEquals("HUMAN_CORRECTED_WIN_RATE", report.path("analysis").path("options").path("policy").path("metric").asText());
        assertTrue(decision.path("reasons").get(0).asText().contains("human-corrected win rate"), decision.toString());
        // The judge-only rate on the same run is reported beside it, and it is well above the corrected one.
        assertTrue(report.path("humanCorrected").path("judgeOnly").path("estimate").asDouble() > corrected.path("estimate").asDouble() + 0.2,
                report.path("humanCorrected").toString());
        // summary.csv names the gate's estimate as the primary one: it used to give the judge's rate as primary_estimate_b
        // and mark the corrected rate, which decided, exploratory.
        java.util.Map<String, String[]> rows = new java.util.HashMap<>();
        for (String line : Files.readAllLines(run.resolve("summary.csv"))) rows.putIfAbsent(line.split(",")[0], line.split(",", -1));
        assertEquals(corrected.path("estimate").asDouble(), Double.parseDouble(rows.get("primary_estimate_b")[1]), 1e-9);
        assertEquals(corrected.path("interval").path("upper").asDouble(), Double.parseDouble(rows.get("primary_estimate_b")[3]), 1e-9);
        assertEquals("primary", rows.get("win_rate_b_human_corrected")[5]);
        String before = Files.readString(run.resolve("report.json"));
        CliRuns.Result again = CliRuns.cli("report", run.toString(), "-q", "--labels", labels().toString());
        assertEquals(r.exit(), again.exit(), again.err());
        assertEquals(before, Files.readString(run.resolve("report.json")));
    }

    @Test
    void aLabelSheetOrLabelsOfOtherCasesAreRefusedBeforeTheRunStarts() throws Exception {
        Path config = CliRuns.arena(dir, JUDGE);
        Path sheet = dir.resolve("to-label.csv");
        Files.writeString(sheet, "case_id,repeat,order_key,label\nc1,0,1,left\n");
        CliRuns.Result r = CliRuns.cli("run", config.toString(), "-q", "--labels", sheet.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(sheet + ":1: order_key:") && r.err().contains("finished run")
                && r.err().contains("prompt-arena report RUN_DIR --labels"), r.err());
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "case_id,label\nx1,A\nx2,B\nc1,B\n");
        r = CliRuns.cli("run", config.toString(), "-q", "--labels", other.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("at least 2 cases of the golden set, got 1"), r.err());
        assertFalse(Files.exists(dir.resolve("reports")), "nothing was run");
    }
}
