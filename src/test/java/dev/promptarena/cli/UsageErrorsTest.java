package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad value is one line naming the option, exit 2, without the usage text after it; an unknown option, a stray
 * argument or a missing one shows what the command takes (picocli's suggestions or its usage).
 */
class UsageErrorsTest {
    /** Arguments, and a word the one line must contain. */
    record BadValue(List<String> args, String names) {}

    static List<BadValue> badValues() {
        return List.of(
                new BadValue(List.of("plan", "winrate", "--win-rate", "abc"), "--win-rate"),
                new BadValue(List.of("plan", "winrate", "--win-rate", "1.5"), "--win-rate"),
                new BadValue(List.of("plan", "foo"), "KIND"),
                new BadValue(List.of("plan", "tournament", "--scores", "0,1", "--schedule", "xyz"), "--schedule"),
                new BadValue(List.of("compare", "--alpha", "0.7", "a", "b"), "--alpha"),
                new BadValue(List.of("run", "--watch", "--dry-run", "examples/support-bot.arena.yaml"), "--watch"),
                new BadValue(List.of("run", "--run-dir", "x", "--out", "y", "examples/support-bot.arena.yaml"), "--run-dir"),
                new BadValue(List.of("run", "--concurrency", "many", "examples/support-bot.arena.yaml"), "--concurrency"),
                new BadValue(List.of("label", "--n", "abc", "--out", "x.csv", "x"), "--n"),
                new BadValue(List.of("allocate", "--draws", "abc", "--counts", "x.csv"), "--draws"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void aBadValueIsOneLineNamingTheOptionWithoutUsage(BadValue bad) {
        CliRuns.Result r = CliRuns.cli(bad.args().toArray(String[]::new));
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), r.exit(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "one line:\n" + r.err());
        assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains(bad.names()), r.err());
        assertFalse(r.err().contains("Usage:"), r.err());
        assertEquals("", r.out());
    }

    static List<List<String>> unknownOrMissing() {
        return List.of(List.of("plan"), List.of("plan", "winrate", "--bogus"), List.of("run"),
                List.of("runs", "a", "b"), List.of("report"), List.of("compare", "one"));
    }

    @ParameterizedTest
    @MethodSource("unknownOrMissing")
    void anUnknownOrMissingArgumentShowsTheUsage(List<String> args) {
        CliRuns.Result r = CliRuns.cli(args.toArray(String[]::new));
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), r.exit(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains("Usage: prompt-arena " + args.get(0)), r.err());
    }

    @org.junit.jupiter.api.Test
    void aMistypedOptionGetsSuggestionsInsteadOfTheWholeUsage() {
        CliRuns.Result r = CliRuns.cli("canary", "plan", "--window", "2");
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), r.exit(), r.err());
        assertTrue(r.err().contains("Possible solutions: --window-hours"), r.err());
    }

    /** One message named all four options whatever was wrong; --repeats 2000000000 ran out of memory with a stack trace. */
    @org.junit.jupiter.api.Test
    void runNamesTheOptionAndTheValueItCannotUse() {
        String arena = "examples/support-bot.arena.yaml";
        String[][] cases = {
                {"--repeats", "2000000000", "error: --repeats must be 1 to 1000, got 2000000000"},
                {"--repeats", "0", "error: --repeats must be 1 to 1000, got 0"},
                {"--limit", "0", "error: --limit must be at least 1, got 0"},
                {"--concurrency", "-3", "error: --concurrency must be at least 1, got -3"},
                {"--max-cost", "-1", "error: --max-cost must be a number of US dollars >= 0, got -1.0"},
                {"--max-cost", "Infinity", "error: --max-cost must be a number of US dollars >= 0, got Infinity"}};
        for (String[] c : cases) {
            CliRuns.Result r = CliRuns.cli("run", arena, "--dry-run", c[0], c[1]);
            assertEquals(ExitCode.USAGE_OR_INPUT.code(), r.exit(), r.err());
            assertEquals(c[2], r.err().strip());
        }
    }

    @org.junit.jupiter.api.Test
    void planNamesTheOptionNotTheFormulasParameter() {
        CliRuns.Result r = CliRuns.cli("plan", "winrate", "--win-rate", "0.6", "--tie-rate", "1");
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), r.exit());
        assertEquals("error: plan winrate: --tie-rate must be in [0, 1), got: 1", r.err().strip());
        CliRuns.Result sd = CliRuns.cli("plan", "paired", "--sd", "-1", "--mde", "0.2");
        assertEquals("error: plan paired: --sd must be > 0, got: -1", sd.err().strip());
        CliRuns.Result win = CliRuns.cli("plan", "winrate", "--win-rate", "0.95", "--tie-rate", "0.2");
        assertEquals("error: plan winrate: --win-rate must be in [0.1, 0.9] with --tie-rate 0.2 (ties count half a win), got: 0.95", win.err().strip());
    }
}
