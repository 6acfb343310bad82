package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Subcommands are registered on demand; every way of asking for help must still see all of them. */
class MainTest {
    private static final String[] COMMANDS = {"run", "validate", "report", "plan", "calibrate", "compare", "help"};

    @Test
    void topLevelHelpAndNoArgumentListEverySubcommand() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help"}}) {
            CliRuns.Result r = CliRuns.cli(args);
            assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
            for (String c : COMMANDS) assertTrue(r.out().contains("\n  " + c + " "), String.join(" ", args) + " lists " + c + ":\n" + r.out());
        }
    }

    @Test
    void helpForASubcommandAndTheSubcommandsOwnHelpAgree() {
        CliRuns.Result viaHelp = CliRuns.cli("help", "report");
        CliRuns.Result direct = CliRuns.cli("report", "--help");
        assertEquals(0, viaHelp.exit());
        assertEquals(0, direct.exit());
        assertTrue(direct.out().startsWith("Usage: prompt-arena report"), direct.out());
        assertEquals(direct.out(), viaHelp.out());
    }

    @Test
    void anUnknownSubcommandIsAUsageErrorThatShowsTheCommands() {
        CliRuns.Result r = CliRuns.cli("rnu", "x.yaml");
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), r.exit());
        assertTrue(r.err().contains("validate"), r.err());
    }
}
