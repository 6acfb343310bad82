package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code prompt-arena report} rebuilds every report from what the run recorded. The copy holds only
 * manifest.json, cases.jsonl and engine.json (the recorded counters), so nothing else (no provider, no config, no cache) can feed it.
 */
class ReportRegenerationTest {
    static final List<String> DERIVED = List.of("report.json", "report.html", "summary.md", "cases.csv", "summary.csv", "axes.csv", "segments.csv");

    @TempDir Path tmp;

    @Test
    void reportRegeneratesByteIdenticalFilesFromTheRecordAlone() throws Exception {
        Path run = CliRunner.runExample(tmp.resolve("runs"));
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        for (String recorded : List.of("manifest.json", "cases.jsonl", "engine.json")) Files.copy(run.resolve(recorded), copy.resolve(recorded));

        CliRun r = CliRun.of("report", copy.toString());

        assertTrue(List.of(0, 1, 3).contains(r.exitCode()), "exits with the gate's code: " + r.exitCode() + " " + r.err());
        for (String name : DERIVED) {
            assertArrayEquals(Files.readAllBytes(run.resolve(name)), Files.readAllBytes(copy.resolve(name)), name + " differs");
        }
        assertTrue(r.out().matches("(?s).*report\\.html \\d+(\\.\\d)? [KM]?B.*"), "prints the page size: " + r.out());
    }

    @Test
    void junitOptionWritesOneTestcasePerGuardrailPlusTheGate() throws Exception {
        Path xml = tmp.resolve("ci/junit.xml");
        Path run = CliRunner.runExample(tmp.resolve("runs"), "--junit", xml.toString());
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        int guardrails = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .readTree(run.resolve("report.json").toFile()).at("/analysis/decision/guardrails").size();
        assertEquals(String.valueOf(1 + guardrails), suite.getAttribute("tests"));
        assertEquals(1 + guardrails, doc.getElementsByTagName("testcase").getLength());

        Path again = tmp.resolve("again.xml");
        assertTrue(List.of(0, 1, 3).contains(CliRun.of("report", run.toString(), "--junit", again.toString()).exitCode()));
        assertArrayEquals(Files.readAllBytes(xml), Files.readAllBytes(again), "report --junit writes the same XML");
    }
}
