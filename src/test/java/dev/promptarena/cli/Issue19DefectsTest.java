package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.RunFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small defects listed in issue 19, point 10, each reproduced through the CLI. */
class Issue19DefectsTest {
    private static final Path EXAMPLES = Path.of("examples").toAbsolutePath();
    @TempDir Path dir;

    private Path config(String from, String to) throws IOException {
        String yaml = Files.readString(EXAMPLES.resolve("support-bot.arena.yaml"));
        if (from != null) yaml = yaml.replace(from, to);
        Path p = dir.resolve("arena.yaml");
        Files.writeString(p, yaml.replace("../", EXAMPLES.getParent() + "/").replace("output: " + EXAMPLES.getParent() + "/reports", "output: reports"));
        return p;
    }

    private Path onlyRun() throws IOException {
        try (Stream<Path> s = RunFolders.list(dir.resolve("reports"))) { return s.findFirst().orElseThrow(); }
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test
    void selfPreferenceWarnedOnceAndGuardrailValuesFormatted() throws IOException {
        Path cfg = config("model: sim-judge-1", "model: gpt-4o");
        // safety_proven: 6 cases cannot show the axes within 0.5, so the guardrail is breached and its value printed.
        Files.writeString(cfg, Files.readString(cfg).replace("model: sim-support-1", "model: gpt-4o-mini")
                .replace("axis_drop_max: 0.5", "axis_drop_max: {limit: 0.5, mode: safety_proven}"));
        CliRun r = CliRun.of("run", cfg.toString(), "-q", "--limit", "6");
        String all = r.out() + r.err();
        assertEquals(1, count(all, "as variant A (gpt-4o-mini)"), all);
        assertEquals(1, count(all, "as variant B (gpt-4o-mini)"), all);
        assertTrue(Pattern.compile("guardrail BREACHED: axis_drop_max = -?\\d\\.\\d\\d \\(limit 0\\.50; one-sided bound upper \\d\\.\\d\\d at 99\\.2%,"
                + " safety_proven\\)").matcher(r.out()).find(), r.out());
        assertFalse(Pattern.compile("\\d\\.\\d{8,}").matcher(r.out()).find(), "no raw floats: " + r.out());
    }

    @Test
    void reportAcceptsQuiet() throws IOException {
        // 6 cases cannot show the axes within 0.5 (safety_proven), so the run fails on that guardrail.
        assertEquals(1, CliRun.of("run", config("axis_drop_max: 0.5", "axis_drop_max: {limit: 0.5, mode: safety_proven}").toString(), "-q",
                "--limit", "6").exitCode());
        CliRun r = CliRun.of("report", onlyRun().toString(), "-q");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("DECISION: FAIL\n", r.out());
    }

    @Test
    void inconclusiveBannerSaysTheCasesNeededOnceAndAnUnfittableLengthModelShowsNoEmptyFigures() throws IOException {
        Path cfg = config("system: \"Be helpful, cite the relevant return or shipping policy, and use the customer's name from the order context.\"",
                "system: \"Be helpful.\"");
        // Issue 15: the number of cases needed comes from the pre-registered minimum effect, never the observed one.
        Files.writeString(cfg, Files.readString(cfg).replace("  alpha: 0.05\n", "  alpha: 0.05\n  min_effect: 0.1\n"));
        assertEquals(3, CliRun.of("run", cfg.toString(), "-q").exitCode());
        String html = Files.readString(onlyRun().resolve("report.html"));
        String banner = html.substring(html.indexOf("id=\"decision\""), html.indexOf("</section>", html.indexOf("id=\"decision\"")));
        assertEquals(1, count(banner, "pre-registered minimum effect"), banner);

        Path small = dir.resolve("small");
        Files.createDirectories(small);
        CliRun tiny = CliRun.of("run", EXAMPLES.resolve("support-bot.arena.yaml").toString(), "--out", small.toString(), "-q", "--limit", "4");
        assertTrue(tiny.exitCode() != 2, tiny.err());
        Path run;
        try (Stream<Path> s = RunFolders.list(small)) { run = s.findFirst().orElseThrow(); }
        String tinyHtml = Files.readString(run.resolve("report.html"));
        assertTrue(tinyHtml.contains("The length model could not be fitted"), "precondition: the model is unfittable at 4 cases");
        assertFalse(tinyHtml.contains("— —") || tinyHtml.contains("p = —"), "no empty slope and p-value");
    }

    @Test
    void recordedOutputsNeedNoProviderOnAChecksOnlyConfig() throws IOException {
        Files.writeString(dir.resolve("arena.yaml"), """
                name: logs
                dataset: %s
                rubric: %s
                variants:
                  A: {name: production}
                  B: {name: shadow}
                """.formatted(EXAMPLES.resolveSibling("golden-sets/support-bot.jsonl"), EXAMPLES.resolveSibling("rubrics/support-bot.checks.yaml")));
        CliRun without = CliRun.of("run", dir.resolve("arena.yaml").toString(), "-q");
        assertEquals(2, without.exitCode(), "without --responses the variants must say how they are produced");
        CliRun r = CliRun.of("run", dir.resolve("arena.yaml").toString(), "-q", "--responses",
                EXAMPLES.resolveSibling("golden-sets/support-bot.recorded.jsonl").toString());
        assertTrue(r.exitCode() == 0 || r.exitCode() == 1 || r.exitCode() == 3, r.err());
        assertTrue(r.out().contains("34 outcomes"), r.out());
    }
}
