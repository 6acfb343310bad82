package dev.promptarena.cli;

import dev.promptarena.testing.RunFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.RecordedFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through {@code Main.execute}: recorded outputs, rubric checks, the reference judge and check guardrails. */
class RecordedRunTest {
    @TempDir Path dir;

    @BeforeEach
    void fixture() throws IOException { RecordedFixture.write(dir); }

    private Path onlyRun() throws IOException {
        try (Stream<Path> s = RunFolders.list(dir.resolve("reports"))) {
            List<Path> runs = s.toList();
            assertEquals(1, runs.size());
            return runs.get(0);
        }
    }

    private void deleteRuns() throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve("reports"))) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static List<Map<String, String>> csv(Path file) throws IOException {
        try (CSVReader r = new CSVReader(Files.newBufferedReader(file))) {
            List<String[]> rows = r.readAll();
            return rows.subList(1, rows.size()).stream().map(row -> {
                Map<String, String> m = new HashMap<>();
                for (int i = 0; i < row.length; i++) m.put(rows.get(0)[i], row[i]);
                return m;
            }).toList();
        } catch (CsvException e) {
            throw new IOException(e);
        }
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String column, String value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).findFirst().orElseThrow(() -> new AssertionError("no row " + value));
    }

    @Test
    void recordedOutputsJudgedByTheReferenceJudgeGiveTheHandCountedNumbers() throws IOException {
        Path cfg = RecordedFixture.config(dir, "judge: {type: reference, margin: 0.0}", "");
        CliRun run = CliRun.of("run", cfg.toString(), "--quiet");
        // 7 points of 10 (ties half): Wilson 95% interval 0.40-0.89 contains 0.5.
        assertEquals(ExitCode.INCONCLUSIVE.code(), run.exitCode(), run.out() + run.err());
        Path runDir = onlyRun();

        List<Map<String, String>> summary = csv(runDir.resolve("summary.csv"));
        assertEquals(0.7, Double.parseDouble(row(summary, "metric", "win_rate_b").get("value")), 1e-12);
        assertEquals("6", row(summary, "metric", "wins_b").get("value"));
        assertEquals("2", row(summary, "metric", "losses_b").get("value"));
        assertEquals("2", row(summary, "metric", "ties").get("value"));
        assertTrue(row(summary, "metric", "first_slot_share").get("note").contains("not applicable"));
        assertEquals(0.8, Double.parseDouble(row(summary, "metric", "check.cites.pass_rate_difference").get("value")), 1e-12);

        List<Map<String, String>> checks = csv(runDir.resolve("checks.csv"));
        Map<String, String> cites = row(checks, "check", "cites");
        assertEquals(List.of("10", "0", "8", "0", "8"), List.of(cites.get("pairs"), cites.get("pass_a"), cites.get("pass_b"), cites.get("a_only"), cites.get("b_only")));
        assertEquals(2.0 / 256, Double.parseDouble(cites.get("p_value")), 1e-15);
        assertEquals("exploratory", cites.get("role"));
        Map<String, String> shortCheck = row(checks, "check", "short");
        assertEquals(List.of("10", "6", "4", "0"), List.of(shortCheck.get("pass_a"), shortCheck.get("pass_b"), shortCheck.get("a_only"), shortCheck.get("b_only")));
        assertEquals(2.0 / 16, Double.parseDouble(shortCheck.get("p_value")), 1e-15);

        List<Map<String, String>> cases = csv(runDir.resolve("cases.csv"));
        Map<String, String> c7 = row(cases, "case_id", "c7");
        assertEquals("TIE", c7.get("verdict"));
        assertEquals(List.of("false", "true", "true", "false"), List.of(c7.get("check_a.cites"), c7.get("check_b.cites"), c7.get("check_a.short"), c7.get("check_b.short")));
        assertTrue(c7.get("checks_failed_b").startsWith("short ("), c7.get("checks_failed_b"));
        assertTrue(c7.get("judge_reason").contains("only A passed short") && c7.get("judge_reason").contains("only B passed cites"), c7.get("judge_reason"));
        Map<String, String> c9 = row(cases, "case_id", "c9");
        assertEquals("A", c9.get("verdict"));
        assertEquals("209", c9.get("latency_b_ms"));
        assertEquals("100", c9.get("latency_a_ms"));

        JsonNode manifest = new ObjectMapper().readTree(runDir.resolve("manifest.json").toFile());
        assertEquals("reference", manifest.at("/judge/model").asText());
        assertEquals(0.0, manifest.get("referenceJudgeMargin").asDouble());
        assertTrue(manifest.at("/variants/B/responsesFile").asText().endsWith("b.csv"));
        assertEquals(dev.promptarena.input.Hashing.sha256(Files.readAllBytes(dir.resolve("b.csv"))), manifest.at("/variants/B/responsesSha256").asText());
        assertTrue(manifest.at("/variants/A/provider").isNull());
        JsonNode report = new ObjectMapper().readTree(runDir.resolve("report.json").toFile());
        assertEquals("not-applicable", report.at("/analysis/orderBias/design").asText());
        assertTrue(report.at("/analysis/warnings").toString().indexOf("position bias") < 0, "no order-bias claim for the reference judge");
        String markdown = Files.readString(runDir.resolve("summary.md"));
        assertTrue(markdown.contains("| c9 |") && !markdown.contains("shown first"), markdown);
        String html = Files.readString(runDir.resolve("report.html"));
        assertTrue(html.contains("Not applicable: the reference judge"));
        // The checks panel shows each check with A's and B's pass rates and its McNemar p-value.
        String panel = html.substring(html.indexOf("<section id=\"checks\""), html.indexOf("</section>", html.indexOf("<section id=\"checks\"")));
        assertTrue(panel.contains("<code>cites</code>") && panel.contains("0.0%") && panel.contains("80.0%") && panel.contains("+80.0 pp"), panel);
        assertTrue(panel.contains("<code>short</code>") && panel.contains("-40.0 pp"), panel);
    }

    @Test
    void theReportCommandReproducesTheRunFromTheRecordedFolder() throws IOException {
        Path cfg = RecordedFixture.config(dir, "judge: {type: reference}", "");
        assertEquals(ExitCode.INCONCLUSIVE.code(), CliRun.of("run", cfg.toString(), "--quiet").exitCode());
        Path runDir = onlyRun();
        String before = Files.readString(runDir.resolve("checks.csv"));
        Files.delete(runDir.resolve("checks.csv"));
        CliRun report = CliRun.of("report", runDir.toString());
        assertEquals(ExitCode.INCONCLUSIVE.code(), report.exitCode(), report.err());
        assertEquals(before, Files.readString(runDir.resolve("checks.csv")));
    }

    @Test
    void aChecksOnlyRubricWithoutAJudgeGetsTheReferenceJudge() throws IOException {
        Path cfg = RecordedFixture.config(dir, "", "");
        CliRun run = CliRun.of("run", cfg.toString(), "--quiet");
        assertEquals(ExitCode.INCONCLUSIVE.code(), run.exitCode(), run.err());
        JsonNode manifest = new ObjectMapper().readTree(onlyRun().resolve("manifest.json").toFile());
        assertEquals("reference", manifest.at("/judge/model").asText());
    }

    @Test
    void aMarginAboveOneCheckTurnsOneCheckDifferencesIntoTies() throws IOException {
        Path cfg = RecordedFixture.config(dir, "judge: {type: reference, margin: 1.0}", "");
        CliRun.of("run", cfg.toString(), "--quiet");
        List<Map<String, String>> summary = csv(onlyRun().resolve("summary.csv"));
        // Every B win and loss here is by exactly one check, which no longer exceeds the margin.
        assertEquals("10", row(summary, "metric", "ties").get("value"));
        assertEquals(0.5, Double.parseDouble(row(summary, "metric", "win_rate_b").get("value")), 1e-12);
    }

    @Test
    void aCheckGuardrailFailsTheGateWhenBsPassRateDropsByMoreThanTheLimit() throws IOException {
        // 4 of 10 pairs lost the check: in harm_proven mode (the default) 10 pairs do not prove a drop above 0.1
        // (Agresti-Min lower bound 0.02); in safety_proven mode they do not prove B within 0.1 either: breached.
        Path harm = RecordedFixture.config(dir, "judge: {type: reference}", "decision: {guardrails: {check_pass_drop_max: {short: 0.1}}}");
        assertEquals(ExitCode.INCONCLUSIVE.code(), CliRun.of("run", harm.toString(), "--quiet").exitCode());
        deleteRuns();
        Path cfg = RecordedFixture.config(dir, "judge: {type: reference}",
                "decision: {guardrails: {check_pass_drop_max: {short: {limit: 0.1, mode: safety_proven}, cites: 0.0}}}");
        CliRun run = CliRun.of("run", cfg.toString(), "--quiet");
        assertEquals(ExitCode.FAIL.code(), run.exitCode(), run.out() + run.err());
        List<Map<String, String>> summary = csv(onlyRun().resolve("summary.csv"));
        Map<String, String> g = row(summary, "metric", "guardrail.check_pass_drop_max.short");
        assertEquals(0.4, Double.parseDouble(g.get("value")), 1e-12);
        assertEquals("BREACHED", g.get("method"));
        assertEquals("ok", row(summary, "metric", "guardrail.check_pass_drop_max.cites").get("method"));
        assertEquals("primary", row(csv(onlyRun().resolve("checks.csv")), "check", "short").get("role"));
        assertTrue(run.out().contains("guardrail BREACHED: check_pass_drop_max.short"), run.out());
    }

    @Test
    void aDropEqualToTheLimitIsNotABreach() throws IOException {
        Path cfg = RecordedFixture.config(dir, "judge: {type: reference}", "decision: {guardrails: {check_pass_drop_max: {short: 0.4}}}");
        assertEquals(ExitCode.INCONCLUSIVE.code(), CliRun.of("run", cfg.toString(), "--quiet").exitCode());
    }

    @Test
    void anUnknownCheckInAGuardrailNamesTheConfigLineAndTheNearestCheck() throws IOException {
        Path cfg = RecordedFixture.config(dir, "judge: {type: reference}", """
                decision:
                  guardrails:
                    error_rate_max: 0.1
                    check_pass_drop_max:
                      shrot: 0.0
                """);
        CliRun run = CliRun.of("run", cfg.toString());
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), run.exitCode());
        int line = Files.readAllLines(cfg).indexOf("      shrot: 0.0") + 1;
        assertTrue(run.err().contains(cfg + ":" + line + ": decision.guardrails.check_pass_drop_max.shrot: no check named 'shrot'"), run.err());
        assertTrue(run.err().contains("did you mean 'short'"), run.err());
        assertFalse(Files.exists(dir.resolve("reports")));
    }

    @Test
    void aSimilarityGuardrailNeedsASimilarityCheck() throws IOException {
        Path cfg = RecordedFixture.config(dir, "judge: {type: reference}", "decision: {guardrails: {similarity_drop_max: 0.02}}");
        CliRun run = CliRun.of("validate", cfg.toString());
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), run.exitCode());
        assertTrue(run.err().contains("decision.guardrails.similarity_drop_max: needs a similarity check"), run.err());
    }

    @Test
    void combinedResponsesReplaceGenerationAndOnlyTheJudgeIsCalled() throws IOException {
        Path cfg = ArenaFixture.config(dir, "sim: {type: sim}", "sim", "sim", "random", "");
        CliRun run = CliRun.of("run", cfg.toString(), "--responses", dir.resolve("both.jsonl").toString(), "--quiet");
        assertTrue(List.of(0, 1, 3).contains(run.exitCode()), run.err());
        Path runDir = onlyRun();
        List<Map<String, String>> cases = csv(runDir.resolve("cases.csv"));
        for (int i = 0; i < 10; i++) {
            Map<String, String> c = row(cases, "case_id", "c" + i);
            assertEquals(RecordedFixture.OUT_A, c.get("output_a"));
            assertEquals(RecordedFixture.outB(i), c.get("output_b"));
            assertEquals("ok", c.get("judge_status"));
        }
        JsonNode manifest = new ObjectMapper().readTree(runDir.resolve("manifest.json").toFile());
        assertTrue(manifest.at("/variants/A/responsesFile").asText().endsWith("both.jsonl"));
        assertTrue(manifest.at("/variants/B/provider").isNull());
        assertEquals("judge-model", manifest.at("/judge/model").asText());
        assertNull(manifest.get("referenceJudgeMargin").textValue());
    }

    /**
     * run --responses replaces the config's per-variant files, so a broken one there (here a.jsonl with a duplicate id, then
     * deleted) neither stops the run nor is named: it used to be validated anyway and the run exited 2 over a file it never
     * reads.
     */
    @Test
    void combinedResponsesDoNotValidateTheFilesTheyReplace() throws IOException {
        Path cfg = RecordedFixture.config(dir, "judge: {type: reference, margin: 0.0}", "");
        List<String> a = Files.readAllLines(dir.resolve("a.jsonl"));
        a.add(a.get(0));
        Files.write(dir.resolve("a.jsonl"), a);
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), CliRun.of("run", cfg.toString(), "--quiet").exitCode(), "the broken file is read without --responses");
        CliRun run = CliRun.of("run", cfg.toString(), "--responses", dir.resolve("both.jsonl").toString(), "--quiet");
        assertTrue(List.of(0, 1, 3).contains(run.exitCode()), run.err());
        assertFalse(run.err().contains("a.jsonl"), run.err());
        assertEquals(RecordedFixture.OUT_A, row(csv(onlyRun().resolve("cases.csv")), "case_id", "c0").get("output_a"));

        deleteRuns();
        Files.delete(dir.resolve("a.jsonl"));
        CliRun missing = CliRun.of("run", cfg.toString(), "--responses", dir.resolve("both.jsonl").toString(), "--quiet");
        assertTrue(List.of(0, 1, 3).contains(missing.exitCode()), "a replaced file need not exist: " + missing.err());
    }

    @Test
    void theReferenceJudgeRefusesARubricWithAxes() throws IOException {
        Path cfg = RecordedFixture.config(dir, "judge: {type: reference}", "");
        Files.writeString(cfg, Files.readString(cfg).replace("checks.yaml", "rubric.yaml"));
        CliRun run = CliRun.of("validate", cfg.toString());
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), run.exitCode());
        assertTrue(run.err().contains("judge.type: the reference judge scores checks only") && run.err().contains("Clarity"), run.err());
    }

    @Test
    void aRubricWithAxesStillNeedsAJudge() throws IOException {
        Path cfg = RecordedFixture.config(dir, "", "");
        Files.writeString(cfg, Files.readString(cfg).replace("checks.yaml", "rubric.yaml"));
        CliRun run = CliRun.of("validate", cfg.toString());
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), run.exitCode());
        assertTrue(run.err().contains(cfg + ": judge: required key is missing"), run.err());
    }

    @Test
    void validateDescribesTheReferenceJudge() throws IOException {
        CliRun run = CliRun.of("validate", RecordedFixture.config(dir, "judge: {type: reference, margin: 0.5}", "").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("judge reference (margin 0.5, 2 checks)"), run.out());
    }
}
