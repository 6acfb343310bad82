package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} no longer parses every line of cases.jsonl before the analysis (the analysis's read checks them): an
 * unreadable line is still exit 2 naming the file and line, and no report is overwritten.
 */
class ReportUnreadableCaseTest {
    @TempDir Path tmp;

    @Test
    void anUnreadableCaseLineIsAnInputErrorAndNoReportIsTouched() throws Exception {
        Path run = CliRunner.runExample(tmp.resolve("runs"));
        Path cases = run.resolve("cases.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(cases, StandardCharsets.UTF_8));
        int bad = lines.size() - 1;
        lines.set(bad, lines.get(bad).substring(0, lines.get(bad).length() / 2));
        Files.write(cases, lines, StandardCharsets.UTF_8);
        Map<String, byte[]> before = new java.util.HashMap<>();
        for (String name : ReportRegenerationTest.DERIVED) before.put(name, Files.readAllBytes(run.resolve(name)));

        CliRun r = CliRun.of("report", run.toString());

        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("cases.jsonl:" + (bad + 1)) && r.err().contains("unreadable case record"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        for (String name : ReportRegenerationTest.DERIVED) assertArrayEquals(before.get(name), Files.readAllBytes(run.resolve(name)), name);
    }
}
