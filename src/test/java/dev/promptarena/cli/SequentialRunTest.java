package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 phase 2 on the real pipeline with the sim provider: the run registers its boundaries, judges the
 * cases in a seeded random order, stops itself at the first crossing, and every file, the exit code and
 * {@code report <run-dir>} carry the same sequential decision.
 */
class SequentialRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESIGN = "decision:\n  sequential: {looks: [0.25, 0.5, 0.75, 1.0], spending: obrien_fleming}";
    @TempDir Path dir;

    @Test
    void aClearlyBetterCandidateStopsAtTheFirstLookWithPassInEveryFile() throws Exception {
        ArenaFixture.goldenSet(dir, 200);
        Path cfg = ArenaFixture.config(dir, "sim: {type: sim}", "sim", "sim", "random", DESIGN);
        Path runDir = dir.resolve("run1");
        CliRun run = CliRun.of("run", cfg.toString(), "--quiet", "--no-cache", "--concurrency", "1", "--run-dir", runDir.toString(),
                "--junit", dir.resolve("junit.xml").toString());
        assertEquals(ExitCode.PASS.code(), run.exitCode(), run.out() + run.err());

        JsonNode manifest = JSON.readTree(runDir.resolve("manifest.json").toFile());
        JsonNode efficacy = manifest.at("/sequential/boundaries/efficacy");
        // Lan–DeMets O'Brien–Fleming, 4 equal looks, two-sided 0.05 (rpact getDesignGroupSequential, checked in GroupSequentialTest).
        assertEquals(4, efficacy.size());
        assertEquals(4.333, efficacy.get(0).asDouble(), 0.01);
        assertEquals(200, manifest.at("/sequential/plannedCases").asInt());
        assertFalse(manifest.get("partial").asBoolean(), "a stop by the design is a normal end: " + manifest);

        // Concurrency 1: the stop is seen before the next case starts, so exactly the first look's 50 cases ran, 3 calls each.
        List<String> cases = Files.readAllLines(runDir.resolve("cases.jsonl"));
        assertEquals(50, cases.size());
        assertEquals(150, JSON.readTree(runDir.resolve("engine.json").toFile()).get("issued").asLong());
        List<String> golden = new ArrayList<>();
        for (int i = 0; i < 50; i++) golden.add("c" + i);
        List<String> judged = cases.stream().map(l -> readId(l)).toList();
        assertFalse(judged.equals(golden), "the cases are judged in a seeded random order, not the golden-set order");

        JsonNode seq = JSON.readTree(runDir.resolve("report.json").toFile()).at("/analysis/sequential");
        assertEquals("stopped_efficacy", seq.get("status").asText());
        assertEquals(1, seq.get("looks").size());
        assertTrue(seq.at("/looks/0/z").asDouble() >= seq.at("/looks/0/efficacy").asDouble());
        assertTrue(seq.has("adjustedWinRate") && seq.has("interval"), seq.toString());
        for (String f : List.of("summary.md", "report.html", "summary.csv")) {
            String text = Files.readString(runDir.resolve(f));
            assertTrue(text.contains("stopped at look 1 of 4"), f + " names the look");
        }
        assertTrue(Files.readString(dir.resolve("junit.xml")).contains("stopped at look 1 of 4"));
        assertTrue(run.out().contains("stopped at look 1 of 4"), run.out());
        String html = Files.readString(runDir.resolve("report.html"));
        assertTrue(html.contains("id=\"chart-sequential\"") && html.contains("<polyline"), "boundary plot");

        String before = Files.readString(runDir.resolve("report.json"));
        CliRun report = CliRun.of("report", runDir.toString());
        assertEquals(run.exitCode(), report.exitCode(), report.out() + report.err());
        assertEquals(before, Files.readString(runDir.resolve("report.json")), "report reproduces the run's analysis byte for byte");

        // plan sequential states the same alpha spent as the manifest, one-sided (it printed twice the manifest's
        // values, two-sided, under the same bare name). The plan's key says the side; the manifest's key is a
        // contract and keeps its name (its numbers were always the one-sided ones).
        CliRun plan = CliRun.of("plan", "sequential", "--win-rate", "0.6", "--looks", "4", "--json");
        assertEquals(JSON.readTree(plan.out()).get("alphaSpentOneSided"), manifest.at("/sequential/boundaries/alphaSpent"), plan.out());
        assertTrue(manifest.at("/sequential/boundaries/alphaSpentOneSided").isMissingNode(), manifest.toString());
    }

    /**
     * The bundled example with two looks crosses only at its last look (look 1: z 2.18 against 2.96). QA: summary.md
     * said the naive win rate was "biased by the early stop" though nothing stopped early, and the terminal's win-rate
     * line showed the fixed-sample interval beside a decision made with the repeated confidence interval.
     */
    @Test
    void aStopAtTheLastLookIsNoEarlyStopAndTheFilesSayWhichIntervalDecides() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        String arena = Files.readString(root.resolve("examples/support-bot.arena.yaml"))
                .replace("../golden-sets/", root.resolve("golden-sets") + "/").replace("../rubrics/", root.resolve("rubrics") + "/")
                .replace("  alpha: 0.05\n", "  alpha: 0.05\n  sequential: {looks: [0.5, 1.0], spending: obrien_fleming}\n");
        assertTrue(arena.contains("sequential: {looks"), arena);
        Path cfg = Files.writeString(dir.resolve("seq.arena.yaml"), arena);
        Path runDir = dir.resolve("seq");
        CliRun run = CliRun.of("run", cfg.toString(), "--quiet", "--no-cache", "--run-dir", runDir.toString());
        assertEquals(ExitCode.PASS.code(), run.exitCode(), run.out() + run.err());
        String summary = Files.readString(runDir.resolve("summary.md"));
        for (String text : List.of(run.out(), summary)) {
            assertTrue(text.contains("stopped at look 2 of 2"), text);
            assertFalse(text.contains("biased by the early stop"), text);
            assertTrue(text.contains("the run reached its last planned look: no early stop"), text);
        }
        JsonNode interval = JSON.readTree(runDir.resolve("report.json").toFile()).at("/analysis/sequential/interval");
        String rci = String.format(java.util.Locale.ROOT, "[%.1f%%, %.1f%%]", 100 * interval.get("lower").asDouble(), 100 * interval.get("upper").asDouble());
        String says = "the decision uses the sequential design's 95% repeated confidence interval " + rci
                + ", not the fixed-sample intervals of the win-rate line";
        assertTrue(run.out().contains("  which interval decides: " + says), run.out());
        assertTrue(summary.contains("Which interval decides: " + says), summary);
        assertTrue(summary.contains("95% repeated confidence interval (the interval the decision uses): "), summary);

        // report.html said it nowhere but in the banner's reasons: its sequential section showed the boundary plot and
        // the naive win rate, its win-rate panel the fixed-sample interval.
        String html = Files.readString(runDir.resolve("report.html"));
        String section = html.substring(html.indexOf("<section id=\"sequential\""), html.indexOf("</section>", html.indexOf("<section id=\"sequential\"")));
        assertTrue(section.contains("The decision uses the <strong>95% repeated confidence interval " + rci + "</strong>"), section);
        JsonNode firstLook = JSON.readTree(runDir.resolve("report.json").toFile()).at("/analysis/sequential/looks/0/repeated");
        assertTrue(section.contains("<th>Repeated interval</th>") && section.contains(String.format(java.util.Locale.ROOT, "<td>[%.1f%%, %.1f%%]</td>",
                100 * firstLook.get("lower").asDouble(), 100 * firstLook.get("upper").asDouble())), section);
        String winPanel = html.substring(html.indexOf("<section id=\"win-rate\""), html.indexOf("</section>", html.indexOf("<section id=\"win-rate\"")));
        assertTrue(winPanel.contains("Which interval decides: " + says.replace("'", "&#39;")), winPanel);
    }

    /** A/A: both variants use the same prompt. Few seeds here (the honest bound is the simulation in docs/statistics.md §15). */
    @Test
    void anAaRunWithFourLooksDoesNotPass() throws Exception {
        ArenaFixture.goldenSet(dir, 120);
        Path cfg = ArenaFixture.config(dir, "sim: {type: sim, options: {noise: 0.5}}", "sim", "sim", "random", DESIGN);
        String aa = Files.readString(cfg).replace("Be helpful, cite the policy and use the customer's name.", "Be helpful.");
        assertTrue(aa.contains("seed: 5}"), "the fixture's judge seed");
        int passes = 0;
        for (long seed = 1; seed <= 3; seed++) {
            // The seed is set in the config, not by --seed: a run with an overridden seed deviates from its design and cannot pass.
            Files.writeString(cfg, aa.replace("seed: 5}", "seed: " + seed + "}"));
            Path runDir = dir.resolve("aa" + seed);
            CliRun run = CliRun.of("run", cfg.toString(), "--quiet", "--no-cache", "--run-dir", runDir.toString());
            assertTrue(List.of(0, 1, 3).contains(run.exitCode()), run.err());
            if (run.exitCode() == ExitCode.PASS.code()) passes++;
            JsonNode seq = JSON.readTree(runDir.resolve("report.json").toFile()).at("/analysis/sequential");
            assertFalse(seq.isMissingNode(), "the sequential section is reported");
            assertTrue(JSON.readTree(runDir.resolve("report.json").toFile()).at("/analysis/decision/reasons").toString().contains("Sequential design"));
        }
        // Each run passes with probability <= 0.025 under the null; 2 or more passes of 3 has probability < 0.002.
        assertTrue(passes <= 1, passes + " of 3 A/A runs passed");
    }

    /**
     * method: anytime end to end: the confidence sequence is checked after every case, so a clearly better B stops
     * well before the planned 200 cases, with PASS in the files and the same code from {@code report}; no look
     * boundaries are registered (there are none to plan).
     */
    @Test
    void theAnytimeMethodStopsAClearlyBetterCandidateEarlyWithTheSameDecisionFromReport() throws Exception {
        ArenaFixture.goldenSet(dir, 200);
        Path cfg = ArenaFixture.config(dir, "sim: {type: sim}", "sim", "sim", "random",
                "decision:\n  sequential: {method: anytime}");
        Path runDir = dir.resolve("anytime");
        CliRun run = CliRun.of("run", cfg.toString(), "--quiet", "--no-cache", "--concurrency", "1", "--run-dir", runDir.toString());
        assertEquals(ExitCode.PASS.code(), run.exitCode(), run.out() + run.err());
        JsonNode manifest = JSON.readTree(runDir.resolve("manifest.json").toFile());
        assertTrue(manifest.at("/sequential/boundaries/efficacy").isMissingNode() || manifest.at("/sequential/boundaries").isNull(),
                "an anytime design registers no look boundaries: " + manifest.get("sequential"));
        int judged = Files.readAllLines(runDir.resolve("cases.jsonl")).size();
        assertTrue(judged < 200, "stopped early, after " + judged + " of 200 cases");
        assertFalse(manifest.get("partial").asBoolean(), "a stop by the design is a normal end");
        JsonNode seq = JSON.readTree(runDir.resolve("report.json").toFile()).at("/analysis/sequential");
        assertEquals("stopped_efficacy", seq.get("status").asText(), seq.toString());
        // The decision carries the naive win rate of the cases the sequence saw, as a group-sequential one carries its last
        // look's (it had an interval and no estimate): --concurrency 1 leaves no over-run, so that is every case judged.
        List<String[]> rows = Files.readAllLines(runDir.resolve("cases.csv")).stream().skip(1).map(l -> l.split(",", 5)).toList();
        assertEquals(0, seq.get("overRun").asInt());
        double naive = rows.stream().mapToDouble(r -> r[3].equals("B") ? 1 : r[3].equals("A") ? 0 : 0.5).average().orElseThrow();
        assertEquals(naive, JSON.readTree(runDir.resolve("report.json").toFile()).at("/analysis/decision/winRate").asDouble(), 1e-12);
        // No boundaries to plot, but the section still names the interval that decided (it was left out of report.html).
        String html = Files.readString(runDir.resolve("report.html"));
        assertTrue(html.contains("<section id=\"sequential\"") && !html.contains("id=\"chart-sequential\""), "section without a plot");
        assertTrue(html.contains("The decision uses the <strong>95% confidence sequence " + String.format(java.util.Locale.ROOT, "[%.1f%%, %.1f%%]",
                100 * seq.at("/interval/lower").asDouble(), 100 * seq.at("/interval/upper").asDouble()) + "</strong>"), html);
        // summary.md said "No look reached yet." under the anytime section: the method has no looks.
        String summary = Files.readString(runDir.resolve("summary.md"));
        assertFalse(summary.contains("No look reached yet"), summary);
        assertTrue(summary.contains("Anytime-valid confidence sequence, checked after every scored case (" + judged + " cases replayed). 95% confidence sequence"
                + " (the interval the decision uses): "), summary);
        CliRun report = CliRun.of("report", runDir.toString());
        assertEquals(run.exitCode(), report.exitCode(), report.out() + report.err());
    }

    private static String readId(String line) {
        try {
            return JSON.readTree(line).get("caseId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
