package dev.promptarena.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prompt-arena runs}: the listing and index.html over real runs of the bundled examples. */
class RunsCommandTest {
    @TempDir Path dir;

    @Test
    void listsRunsAndWritesTheTrendPerArena() throws IOException {
        Path reports = dir.resolve("reports");
        assertEquals(0, CliRun.of("run", "examples/support-bot.arena.yaml", "--out", reports.toString(), "-q").exitCode());
        // A seed override is a deviation from the pre-registered design: it can FAIL but not PASS (issue 15).
        assertEquals(3, CliRun.of("run", "examples/support-bot.arena.yaml", "--out", reports.toString(), "-q", "--seed", "7").exitCode());
        assertEquals(0, CliRun.of("run", "examples/support-bot.recorded.arena.yaml", "--out", reports.toString(), "-q").exitCode());
        Files.createDirectories(reports.resolve("not-a-run"));
        CliRun r = CliRun.of("runs", reports.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("started (UTC)"), r.out());
        assertTrue(lines.get(1).contains("support-bot-policy-citation  PASS           70.6%    [54.0%, 83.0%]       34         $0"), r.out());
        assertTrue(lines.get(3).contains("support-bot-recorded"), r.out());
        assertTrue(r.out().contains("3 run(s); index: "), r.out());

        Document index = Jsoup.parse(reports.resolve("index.html").toFile());
        assertEquals(List.of("support-bot-policy-citation", "support-bot-recorded"), index.select("h2").eachText());
        // One linked point per run in the first arena's trend, and every link leads to an existing report.
        assertEquals(2, index.select("svg").get(0).select("a circle").size());
        for (String href : index.select("a[href]").eachAttr("href")) {
            assertTrue(Files.isRegularFile(reports.resolve(href)), href);
        }
        assertEquals(6, index.select("a[href]").size());
    }

    /** A folder whose report.json cannot be read, or is not a run's, was left out of the list without a word. */
    @Test
    void aFolderWithAnUnreadableReportIsNamedOnStderr() throws IOException {
        Path reports = dir.resolve("reports");
        assertEquals(0, CliRun.of("run", "examples/support-bot.arena.yaml", "--out", reports.toString(), "-q").exitCode());
        Path truncated = Files.createDirectories(reports.resolve("truncated"));
        Files.writeString(truncated.resolve("report.json"), "{\"manifest\": {");
        Path other = Files.createDirectories(reports.resolve("other"));
        Files.writeString(other.resolve("report.json"), "[]");
        CliRun r = CliRun.of("runs", reports.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("1 run(s); index: "), r.out());
        assertEquals(List.of(
                "warning: " + other.resolve("report.json") + ": not a run's report.json (no manifest.runId); left out of the list",
                "warning: " + truncated.resolve("report.json") + ":1: unreadable: malformed JSON: Unexpected end-of-input: expected close marker for Object;"
                        + " left out of the list"), r.err().lines().toList());
    }

    /**
     * A tournament's row shows its cases and what its calls cost: its report.json has no engine section and no
     * single win rate, so the listing said n 0 and $0 for a priced tournament (here 4 cases, priced simulated models).
     */
    @Test
    void listsATournamentWithItsCasesAndCost() throws IOException {
        Path examples = Path.of("examples").toAbsolutePath();
        String config = Files.readString(examples.resolve("support-bot.tournament.arena.yaml"))
                .replace("../golden-sets/", examples.resolveSibling("golden-sets") + "/")
                .replace("../rubrics/", examples.resolveSibling("rubrics") + "/")
                .replace("prompts/support-user.txt", examples.resolve("prompts/support-user.txt").toString())
                + "prices:\n  sim-support-1: {input: 1000, output: 1000}\n  sim-judge-1: {input: 1000, output: 1000}\n";
        Path arena = Files.writeString(dir.resolve("t.arena.yaml"), config);
        Path reports = dir.resolve("reports");
        CliRun run = CliRun.of("run", arena.toString(), "--out", reports.toString(), "--limit", "4", "-q", "--no-cache");
        assertTrue(run.exitCode() != 2, run.err());
        CliRun r = CliRun.of("runs", reports.toString());
        assertEquals(0, r.exitCode(), r.err());
        String row = r.out().lines().filter(l -> l.contains("support-bot-tournament")).findFirst().orElseThrow();
        assertTrue(row.matches(".*\\s4\\s+\\$\\d[\\d,.]*\\s+\\S+$"), row);
        assertFalse(row.matches(".*\\s\\$0\\s.*"), row);
    }

    @Test
    void escapesNamesAndRejectsAMissingFolder() {
        RunSummary evil = new RunSummary("javascript:alert(1)", "<script>x</script>", "<b>arena</b>", "2026-01-01T00:00:00Z",
                "PASS", 0.6, 0.5, 0.7, 0.5, 10, 0.0, false);
        String html = IndexPage.render("t", Map.of("<b>arena</b>", List.of(evil)));
        assertFalse(html.contains("<script>x") || html.contains("<b>arena"), html);
        assertTrue(html.contains("href=\"./javascript:alert(1)/report.html\""), html);
        CliRun r = CliRun.of("runs", dir.resolve("nope").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("nope: not a folder"), r.err());
    }

    /** A folder without runs (a typo, an empty reports folder, or a run folder itself) is bad input: exit 2, nothing written. */
    @Test
    void aFolderWithoutRunsIsRefusedAndNothingIsWritten() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.createDirectories(empty.resolve("not-a-run"));
        CliRun r = CliRun.of("runs", empty.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("error: " + empty + ": no runs in this folder (none of the folders in it holds a run's report.json); nothing written",
                r.err().strip());
        assertEquals("", r.out());
        assertFalse(Files.exists(empty.resolve("index.html")));

        Path reports = dir.resolve("reports");
        assertEquals(0, CliRun.of("run", "examples/support-bot.arena.yaml", "--out", reports.toString(), "-q").exitCode());
        Path run;
        try (var runs = Files.list(reports)) {
            run = runs.filter(d -> Files.isRegularFile(d.resolve("report.json"))).findFirst().orElseThrow();
        }
        CliRun inRun = CliRun.of("runs", run.toString());
        assertEquals(2, inRun.exitCode(), inRun.err());
        assertTrue(inRun.err().contains("it is a run folder itself: give its parent"), inRun.err());
        assertFalse(Files.exists(run.resolve("index.html")));
    }

    /** The listing reads each folder's arena name back from its files: printed without terminal control sequences. */
    @Test
    void arenaNamesAreListedWithoutTerminalControlSequences() throws IOException {
        Path examples = Path.of("examples").toAbsolutePath();
        String yaml = Files.readString(examples.resolve("support-bot.arena.yaml")).replace("../", examples.getParent() + "/")
                .replace("name: support-bot-policy-citation", "name: \"\\e]0;pwned\\a\\e[2Jbot\"");
        Path config = dir.resolve("arena.yaml");
        Files.writeString(config, yaml);
        Path reports = dir.resolve("reports");
        assertEquals(0, CliRun.of("run", config.toString(), "--out", reports.toString(), "-q").exitCode());
        CliRun r = CliRun.of("runs", reports.toString());
        assertTrue(r.out().lines().toList().get(1).contains(" bot "), r.out());
        assertTrue(r.out().chars().noneMatch(c -> c == 0x1B || c == 0x07), r.out());
    }
}
