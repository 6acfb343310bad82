package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.run.RecordedRun;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** label writes a blind sheet; labels on it map back to A and B in calibrate; bad sheets exit 2 naming file, line, column. */
class LabelCommandTest {
    @TempDir static Path dir;
    static Path run;
    static Map<String, CaseRecord> records;

    @BeforeAll
    static void runTheArena() throws IOException {
        Path config = CliRuns.arena(dir, "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n");
        CliRuns.Result r = CliRuns.cli("run", config.toString(), "-q");
        assertTrue(List.of(0, 1, 3).contains(r.exit()), r.err());
        run = CliRuns.newestRun(dir.resolve("reports"));
        records = RecordedRun.readCases(run.resolve("cases.jsonl")).stream()
                .collect(Collectors.toMap(CaseRecord::caseId, Function.identity(), (a, b) -> a));
    }

    private static List<String[]> read(Path p) throws Exception {
        try (CSVReader r = new CSVReader(Files.newBufferedReader(p))) {
            return r.readAll();
        }
    }

    private static Path write(String name, List<String[]> rows) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVWriter c = new CSVWriter(w, ',', '"', '"', "\n")) {
            rows.forEach(row -> c.writeNext(row, false));
        }
        Path p = dir.resolve(name);
        Files.writeString(p, w.toString());
        return p;
    }

    /** A sheet of every case (--n 8 of 8: each has probability 1), in the shape label writes. */
    private static List<String[]> sheet(String name) throws Exception {
        Path out = dir.resolve(name);
        CliRuns.Result r = CliRuns.cli("label", run.toString(), "--n", "8", "--strategy", "random", "--out", out.toString(),
                "--html", dir.resolve(name + ".html").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("8 of 8 cases to label"), r.out());
        return read(out);
    }

    @Test
    void theSheetIsBlindAndComplete() throws Exception {
        List<String[]> rows = sheet("blind.csv");
        assertEquals(List.of("case_id", "repeat", "probability", "order_key", "question", "context", "reference", "response_1",
                "response_2", "label", "labeler"), List.of(rows.get(0)));
        assertEquals(9, rows.size());
        int bFirst = 0;
        for (String[] row : rows.subList(1, rows.size())) {
            CaseRecord rec = records.get(row[0]);
            assertEquals("1", row[2]);
            assertEquals("We will refund or reship.", row[6], "reference from the run's dataset");
            assertEquals("", row[9]);
            assertFalse(String.join(",", row).matches(".*\\b(sim-a|sim-b)\\b.*"), "nothing names the variants");
            assertTrue(Set2.of(row[7], row[8]).equals(Set2.of(rec.a().output(), rec.b().output())), "both outputs shown");
            if (row[7].equals(rec.b().output()) && !rec.a().output().equals(rec.b().output())) bFirst++;
        }
        assertTrue(bFirst > 0 && bFirst < 8, "the order is randomised per case, got B first " + bFirst + " of 8");
        String html = Files.readString(dir.resolve("blind.csv.html"));
        assertTrue(html.contains("Response 1") && html.contains("Cases to label (8)"), html);
    }

    /** Labels B better on every row, writing 1 or 2 by where B's output is shown: calibrate must see B win everything. */
    @Test
    void labelsOnTheBlindOrderMapBackToAAndB() throws Exception {
        List<String[]> rows = sheet("mapped.csv");
        double expected = 0;
        for (String[] row : rows.subList(1, rows.size())) {
            CaseRecord rec = records.get(row[0]);
            // Identical outputs cannot be told apart: call them a tie (B scores 1/2 there).
            boolean same = rec.a().output().equals(rec.b().output());
            row[9] = same ? "tie" : row[7].equals(rec.b().output()) ? "1" : "2";
            expected += (same ? 0.5 : 1.0) / 8;
        }
        assertTrue(expected > 0.8, "most outputs differ, so the check means something: " + expected);
        Path filled = write("mapped-filled.csv", rows);
        CliRuns.Result r = CliRuns.cli("calibrate", run.toString(), "--labels", filled.toString(), "--json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode w = json.path("humanCorrected").path("winRate");
        assertEquals("KNOWN_PROBABILITIES", w.path("design").asText(), r.out());
        assertEquals(expected, w.path("humanOnly").path("estimate").asDouble(), 1e-12, r.out());
        // Every case labelled with probability 1: the corrected estimate is the labels' mean.
        assertEquals(expected, w.path("corrected").path("estimate").asDouble(), 1e-12, r.out());
        assertEquals(8, json.path("labelledItems").asInt());
        CliRuns.Result text = CliRuns.cli("calibrate", run.toString(), "--labels", filled.toString());
        assertTrue(text.out().contains(String.format(java.util.Locale.ROOT, "human-corrected  %.3f", expected)), text.out());
        assertTrue(text.out().contains("Recommendation: "), text.out());
    }

    @Test
    void reportWithLabelsShowsTheThreeEstimatesInEveryFormat() throws Exception {
        List<String[]> rows = sheet("report.csv");
        for (String[] row : rows.subList(1, rows.size())) row[9] = "tie";
        Path filled = write("report-filled.csv", rows);
        CliRuns.Result r = CliRuns.cli("report", run.toString(), "--labels", filled.toString());
        assertTrue(List.of(0, 1, 3).contains(r.exit()), r.err());
        assertTrue(r.out().contains("human-corrected  50.0%"), r.out());
        JsonNode json = new ObjectMapper().readTree(run.resolve("report.json").toFile());
        assertEquals(0.5, json.path("humanCorrected").path("corrected").path("estimate").asDouble(), 1e-12);
        assertTrue(json.path("humanCorrected").path("judgeOnly").path("interval").has("lower"));
        assertTrue(Files.readString(run.resolve("summary.md")).contains("| **Human-corrected** | 50.0% |"));
        assertTrue(Files.readString(run.resolve("summary.csv")).contains("win_rate_b_human_corrected,0.5,"));
        assertTrue(Files.readString(run.resolve("report.html")).contains("id=\"human-labels\""));
        // A bad labels file changes nothing; without --labels the estimates are gone again.
        String before = Files.readString(run.resolve("report.json"));
        Path bad = write("report-bad.csv", List.of(rows.get(0), new String[] {"nope", "0", "1", "x", "", "", "", "", "", "1", ""}));
        assertEquals(2, CliRuns.cli("report", run.toString(), "--labels", bad.toString()).exit());
        assertEquals(before, Files.readString(run.resolve("report.json")));
        CliRuns.cli("report", run.toString());
        assertFalse(new ObjectMapper().readTree(run.resolve("report.json").toFile()).has("humanCorrected"));
        assertFalse(Files.readString(run.resolve("report.html")).contains("id=\"human-labels\""));
    }

    @Test
    void badSheetsExit2NamingFileLineAndColumn() throws Exception {
        List<String[]> rows = sheet("bad.csv");
        for (String[] row : rows.subList(1, rows.size())) row[9] = "tie";
        String key = rows.get(3)[3];
        rows.get(3)[3] = "00000000";
        Path tampered = write("tampered.csv", rows);
        CliRuns.Result r = CliRuns.cli("calibrate", run.toString(), "--labels", tampered.toString());
        assertEquals(2, r.exit());
        assertLine(r.err(), tampered, "order_key: does not match case '" + rows.get(3)[0] + "'", rows.get(3)[0]);
        assertFalse(r.err().contains("Exception"), r.err());
        rows.get(3)[3] = key;
        rows.get(5)[9] = "";
        Path blank = write("blank.csv", rows);
        r = CliRuns.cli("calibrate", run.toString(), "--labels", blank.toString());
        assertEquals(2, r.exit());
        assertLine(r.err(), blank, "label: blank; every drawn case needs a label", rows.get(5)[0]);
        rows.get(5)[9] = "B";
        Path ab = write("ab.csv", rows);
        r = CliRuns.cli("calibrate", run.toString(), "--labels", ab.toString());
        assertLine(r.err(), ab, "label: expected 1, 2 or tie", rows.get(5)[0]);
    }

    /** The message is file:line: column: problem, and that physical line (cells span lines) starts the bad case's row. */
    private static void assertLine(String err, Path file, String problem, String caseId) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(file.toString()) + ":(\\d+): "
                + java.util.regex.Pattern.quote(problem)).matcher(err);
        assertTrue(m.find(), err);
        String line = Files.readAllLines(file).get(Integer.parseInt(m.group(1)) - 1);
        assertTrue(line.startsWith(caseId + ","), "line " + m.group(1) + " is '" + line + "', not case " + caseId);
    }

    @Test
    void refusesToOverwriteAndBadOptionsExit2() throws Exception {
        Path existing = dir.resolve("existing.csv");
        Files.writeString(existing, "filled by a labeller\n");
        CliRuns.Result r = CliRuns.cli("label", run.toString(), "--out", existing.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("exists"), r.err());
        assertEquals("filled by a labeller\n", Files.readString(existing));
        assertEquals(2, CliRuns.cli("label", run.toString(), "--strategy", "smart", "--out", dir.resolve("x.csv").toString()).exit());
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void anOutputInAMissingFolderOrBothOutputsOnOneFileExit2WritingNothing() throws Exception {
        // The first was exit 4 naming a temporary file, after the sheet was written when only --html's folder was
        // missing; the second wrote the sheet, then the page over it, and exited 0.
        Path sheet = dir.resolve("sheet-of-a-missing-page.csv");
        CliRuns.Result html = CliRuns.cli("label", run.toString(), "--out", sheet.toString(), "--html", dir.resolve("nodir/p.html").toString());
        assertEquals(2, html.exit(), html.err());
        assertTrue(html.err().contains("nodir: no such folder"), html.err());
        assertFalse(Files.exists(sheet));
        assertEquals(2, CliRuns.cli("label", run.toString(), "--out", dir.resolve("nodir/s.csv").toString()).exit());

        Path same = dir.resolve("same.csv");
        CliRuns.Result both = CliRuns.cli("label", run.toString(), "--out", same.toString(), "--html", same.toString());
        assertEquals(2, both.exit(), both.out());
        assertTrue(both.err().contains("--html and --out name the same file"), both.err());
        assertFalse(Files.exists(same));
    }

    @Test
    void uncertainDrawsExactlyNAndRecordsProbabilities() throws Exception {
        Path out = dir.resolve("uncertain.csv");
        CliRuns.Result r = CliRuns.cli("label", run.toString(), "--n", "4", "--seed", "11", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String[]> rows = read(out);
        double sum = 0;
        for (String[] row : rows.subList(1, rows.size())) {
            double p = Double.parseDouble(row[2]);
            assertTrue(p > 0 && p <= 1, row[2]);
            sum += p;
        }
        assertEquals(4, rows.size() - 1, "exactly --n cases drawn");
        assertTrue(r.out().contains("4 of 8 cases to label (strategy uncertain)"), r.out());
        assertTrue(sum <= 4 + 1e-9, "the drawn cases' probabilities are part of a budget of 4: " + sum);
        for (long seed = 1; seed <= 5; seed++) { // exactly n for every seed, not on average
            Path other = dir.resolve("uncertain-" + seed + ".csv");
            CliRuns.cli("label", run.toString(), "--n", "3", "--seed", Long.toString(seed), "--out", other.toString());
            assertEquals(4, read(other).size(), "seed " + seed + ": header and 3 rows");
        }
        // The same seed gives the same sheet.
        Path again = dir.resolve("uncertain-again.csv");
        CliRuns.cli("label", run.toString(), "--n", "4", "--seed", "11", "--out", again.toString());
        assertEquals(Files.readString(out), Files.readString(again));
    }

    /** A two-element multiset, so the test does not depend on which side is shown first. */
    private record Set2(List<String> sorted) {
        static Set2 of(String a, String b) {
            List<String> l = new ArrayList<>(List.of(a, b));
            l.sort(null);
            return new Set2(l);
        }
    }

    /** A golden set may escape a lone surrogate (\\ud800 in JSON); the sheet shows its reference, and the writer threw on it. */
    @Test
    void aLoneSurrogateInTheGoldenSetDoesNotStopTheSheet() throws Exception {
        Path own = Files.createDirectories(dir.resolve("surrogate"));
        Path config = CliRuns.arena(own, "judge: {provider: sim, model: sim-judge-1, seed: 3}\n");
        Path cases = own.resolve("cases.jsonl");
        Files.writeString(cases, Files.readString(cases).replace("We will refund or reship.", "We will refund \\ud800 or reship."));
        assertTrue(List.of(0, 1, 3).contains(CliRuns.cli("run", config.toString(), "-q").exit()));
        Path sheet = own.resolve("sheet.csv");
        CliRuns.Result r = CliRuns.cli("label", CliRuns.newestRun(own.resolve("reports")).toString(), "--n", "8", "--out", sheet.toString(),
                "--html", own.resolve("sheet.html").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(sheet).contains("We will refund ? or reship."), Files.readString(sheet));
    }
}
