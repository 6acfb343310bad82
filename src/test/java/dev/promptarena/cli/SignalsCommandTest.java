package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalsCommandTest {
    @TempDir Path tmp;

    @Test
    void writesAllFourOutputsFromTheSeededLog() throws Exception {
        CliRun r = CliRun.of("signals", "src/test/resources/canary/events.jsonl", "--out", tmp.toString());
        assertEquals(0, r.exitCode(), r.err());
        // SignalAnalysisTest pins the numbers against statsmodels; here the wiring: p 0.232, BH 0.580 for rephrased_query
        assertTrue(r.out().contains("rephrased_query         13.1%     10.8%     -2.3% -6.0% to 1.5%         0.232    0.580"), r.out());
        for (String f : new String[] {"signals.json", "signals.csv", "signals-windows.csv", "signals.html"}) assertTrue(Files.exists(tmp.resolve(f)), f);
        assertTrue(Files.readString(tmp.resolve("signals.json")).contains("\"pBenjaminiHochberg\" : 0.58043796434"));
    }

    /** The header names each column's variant, whatever the names: a long name was shown as its role word. */
    @Test
    void theHeaderNamesTheVariantsEvenWhenTheirNamesAreTheOtherRolesWord() throws Exception {
        Path events = Files.writeString(tmp.resolve("e.jsonl"), Files.readString(Path.of("src/test/resources/canary/events.jsonl"))
                .replace("\"variant\": \"treatment\"", "\"variant\": \"a-very-long-treatment-variant-name\""));
        CliRun r = CliRun.of("signals", events.toString(), "--control", "a-very-long-treatment-variant-name", "--treatment", "control",
                "--out", tmp.resolve("o").toString());
        assertEquals(0, r.exitCode(), r.err());
        String header = r.out().lines().filter(l -> l.startsWith("signal ")).findFirst().orElseThrow();
        assertTrue(header.matches("signal +a-very-long-treatment-v\u2026  control +diff +95% interval +p +p \\(BH\\)"), header);
        // The rates line up under their names: each row's control rate ends where the control's name ends.
        String row = r.out().lines().filter(l -> l.startsWith("rephrased_query")).findFirst().orElseThrow();
        assertEquals(header.indexOf('\u2026'), row.indexOf('%'), header + "\n" + row);
    }

    /** canary check --signals matches these windows to the monitoring windows by their bounds, as it does score's. */
    @Test
    void everyWindowHasItsEndAlignedAsScoreAlignsItsWindows() throws Exception {
        CliRun r = CliRun.of("signals", "src/test/resources/canary/events.jsonl", "--window-hours", "1", "--out", tmp.toString());
        assertEquals(0, r.exitCode(), r.err());
        java.util.List<String> lines = Files.readAllLines(tmp.resolve("signals-windows.csv"));
        assertEquals("window_start,window_end,variant,signal,turns,with_signal,rate,lower,upper,sessions,design_effect,effective_turns", lines.get(0));
        assertTrue(lines.size() > 10, "several hours of turns: " + lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            java.time.Instant start = java.time.Instant.parse(cells[0]), end = java.time.Instant.parse(cells[1]);
            assertEquals(0, start.getEpochSecond() % 3600, "on the hour: " + line);
            assertEquals(3600, end.getEpochSecond() - start.getEpochSecond(), line);
        }
        assertTrue(Files.readString(tmp.resolve("signals.json")).contains("\"windowEnd\""));
    }

    /** canary check --min-turns and the signal guardrail's test count effective turns: turns over the session-clustered design effect. */
    @Test
    void everyWindowCarriesItsDesignEffectAndEffectiveTurns() throws Exception {
        CliRun r = CliRun.of("signals", "src/test/resources/canary/events.jsonl", "--window-hours", "24", "--out", tmp.toString());
        assertEquals(0, r.exitCode(), r.err());
        java.util.List<String> lines = Files.readAllLines(tmp.resolve("signals-windows.csv"));
        double largest = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            double turns = Double.parseDouble(cells[4]), sessions = Double.parseDouble(cells[9]), effect = Double.parseDouble(cells[10]);
            assertTrue(sessions >= 1 && sessions <= turns, line);
            assertTrue(effect >= 1, "floored at 1: " + line);
            assertEquals(turns / effect, Double.parseDouble(cells[11]), 1e-9 * turns, line);
            largest = Math.max(largest, effect);
        }
        // The seeded log's sessions share a random effect (reference/signals.py): some rate's turns are worth less than their count.
        assertTrue(largest > 1.2, "largest design effect " + largest);
        assertTrue(Files.readString(tmp.resolve("signals.json")).contains("\"effectiveTurns\""));
        assertTrue(Files.readString(tmp.resolve("signals.html")).contains("<th>effective turns</th>"));
    }

    @Test
    void untrustedVariantNamesAreEscapedAndNeutralized() throws Exception {
        StringBuilder log = new StringBuilder();
        String[] variants = {"<script>alert(1)</script>", "=HYPERLINK(\\\"x\\\")"};
        for (int s = 0; s < 8; s++) {
            String v = variants[s % 2];
            log.append(String.format("{\"session_id\":\"s%d\",\"turn_id\":\"t1\",\"variant\":\"%s\",\"signal\":\"%s\",\"timestamp\":\"2026-05-01T0%d:00:00Z\"}%n",
                    s, v, s % 3 == 0 ? "task_completed" : "served", s));
        }
        Path events = Files.writeString(tmp.resolve("e.jsonl"), log);
        CliRun r = CliRun.of("signals", events.toString(), "--control", "<script>alert(1)</script>", "--out", tmp.resolve("o").toString());
        assertEquals(0, r.exitCode(), r.err());
        String html = Files.readString(tmp.resolve("o/signals.html"));
        assertFalse(html.contains("<script>alert"), "HTML-escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        String csv = Files.readString(tmp.resolve("o/signals-windows.csv"));
        assertTrue(csv.contains("'=HYPERLINK"), csv);
    }

    @Test
    void badLogExitsTwoAndWritesNothing() throws Exception {
        Path events = Files.writeString(tmp.resolve("e.jsonl"), "{\"session_id\":\"s1\",\"turn_id\":\"t1\",\"variant\":\"control\",\"signal\":\"served\",\"timestamp\":\"yesterday\"}\n");
        CliRun r = CliRun.of("signals", events.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("e.jsonl:1: timestamp: expected an ISO-8601 time"), r.err());
        assertFalse(Files.exists(tmp.resolve("o")));
    }
}
