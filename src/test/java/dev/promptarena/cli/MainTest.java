package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * A command list (the top-level --help, and canary's) shows each command's first description line: it must be a whole
     * sentence, or the list reads "raw agreement with and without ties," and stops. The rendered lists are read, so a
     * summary wrapped over several lines is checked whole.
     */
    @Test
    void everyCommandListSummaryIsAWholeSentence() {
        List<String> cut = new ArrayList<>();
        for (String[] args : new String[][] {{"--help"}, {"canary", "--help"}}) {
            CliRuns.Result r = CliRuns.cli(args);
            assertEquals(0, r.exit(), r.err());
            Map<String, String> summaries = commandList(r.out());
            assertTrue(summaries.size() >= (args.length == 1 ? 15 : 2), "commands found in " + String.join(" ", args) + ": " + summaries.keySet());
            summaries.forEach((command, summary) -> {
                if (!summary.matches("(?s).*[.?!]")) cut.add(command + ": " + summary);
            });
        }
        assertEquals(List.of(), cut, "summaries that stop mid-sentence");
    }

    /**
     * picocli prints each description and footer element on a line of its own (wrapping only inside it), so an element
     * that stops mid-sentence breaks the command's own --help there ("... and the units each" / "stage needs ..."). Every
     * element ends a sentence or a clause (. ! ? :), or is an indented example line.
     */
    @Test
    void everyHelpParagraphEndsASentence() {
        List<String> broken = new ArrayList<>();
        paragraphsCutMidSentence(Main.commandTree(new Main(Map.of(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), null), null).getCommandSpec(), broken);
        assertEquals(List.of(), broken, "help lines that stop mid-sentence");
    }

    private static void paragraphsCutMidSentence(picocli.CommandLine.Model.CommandSpec spec, List<String> out) {
        List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
        lines.addAll(List.of(spec.usageMessage().footer()));
        for (String line : lines) {
            if (!line.isBlank() && !line.startsWith("  ") && !line.strip().matches("(?s).*[.!?:]")) out.add(spec.qualifiedName() + ": " + line);
        }
        for (picocli.CommandLine sub : spec.subcommands().values()) {
            if (sub.getCommandSpec().parent() == spec && !sub.getCommandName().equals("help")) paragraphsCutMidSentence(sub.getCommandSpec(), out);
        }
    }

    /** The checker itself: it must see a summary cut mid-sentence and one continued on the next line. */
    @Test
    void theCommandListReaderJoinsWrappedSummaries() {
        Map<String, String> read = commandList("Usage: x\nCommands:\n  calibrate  Compare verdicts: raw agreement with and without\n               ties,\n  help       Display help.\n");
        assertEquals(Map.of("calibrate", "Compare verdicts: raw agreement with and without ties,", "help", "Display help."), read);
    }

    /** Command name to its summary, from the "Commands:" section of a usage message. */
    private static Map<String, String> commandList(String usage) {
        Map<String, String> summaries = new LinkedHashMap<>();
        String current = null;
        boolean inList = false;
        for (String line : usage.split("\\R")) {
            if (line.equals("Commands:")) {
                inList = true;
            } else if (inList && line.matches("  \\S+\\s+\\S.*")) {
                current = line.strip().split("\\s+", 2)[0];
                summaries.put(current, line.strip().split("\\s+", 2)[1]);
            } else if (inList && current != null && line.startsWith("   ") && !line.isBlank()) {
                summaries.merge(current, line.strip(), (a, b) -> a + " " + b);
            } else if (inList && !line.isBlank()) {
                break;
            }
        }
        return summaries;
    }
}
