package dev.promptarena.cli;

import dev.promptarena.input.InputException;
import dev.promptarena.run.RunDirectory;
import dev.promptarena.run.TournamentFolder;
import dev.promptarena.util.TerminalText;
import java.nio.file.Path;
import java.util.List;

/**
 * A tournament's folder where a command needs one two-variant run: each pairing under {@code pairs/} is such a run,
 * so the refusal names them. One wording for every command that reads a single run (canary plan, report --labels,
 * compare, label, calibrate); without it they failed on a missing file ("is ... a run folder?") that did not say where
 * to look.
 */
final class PairingFolders {
    private PairingFolders() {}

    /** Refuses {@code dir} (exit 2, before anything is read or written) when it is a tournament's folder. */
    static void refuseTournament(Path dir, String command) {
        if (!TournamentFolder.isTournament(RunDirectory.open(dir))) return;
        throw new InputException(dir, "a tournament's folder holds no single run; " + instead(dir, command));
    }

    /**
     * "give COMMAND a pairing folder instead (pairs/&lt;control&gt;-vs-&lt;candidate&gt;): ..." with the tournament's
     * pairings against its control, read from tournament.json (just the pattern when that file cannot be read).
     */
    static String instead(Path dir, String command) {
        String advice = "give " + command + " a pairing folder instead (pairs/<control>-vs-<candidate>)";
        List<String> folders = againstControl(dir);
        return folders.isEmpty() ? advice + " under " + TerminalText.plain(dir.resolve("pairs").toString())
                : advice + ": " + String.join(", ", folders);
    }

    private static List<String> againstControl(Path dir) {
        try {
            TournamentFolder t = TournamentFolder.read(RunDirectory.open(dir));
            String control = t.variants().isEmpty() ? null : t.variants().get(0); // tournament.json lists the control first
            return t.pairs().stream().filter(p -> !p.adaptive() && (p.a().equals(control) || p.b().equals(control)))
                    .map(p -> TerminalText.plain(dir.resolve(p.dir()).toString())).toList();
        } catch (InputException e) {
            return List.of();
        }
    }
}
