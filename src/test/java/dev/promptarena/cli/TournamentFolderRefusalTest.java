package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare, label and calibrate given a tournament's folder: they failed on a missing outcomes.jsonl or cases.jsonl
 * ("is ... a run folder?") without saying that each pairing under pairs/ is the run they can read. Now each names the
 * pairing folders against the control, as canary plan and report --labels do, and writes nothing.
 */
class TournamentFolderRefusalTest {
    @TempDir static Path tmp;
    static Path folder;
    static Path pairing;

    @BeforeAll
    static void runTheTournament() throws IOException {
        Path runs = tmp.resolve("runs");
        CliRun t = CliRun.of("run", "examples/support-bot.tournament.arena.yaml", "--out", runs.toString(), "-q", "--no-cache");
        assertEquals(0, t.exitCode(), t.err());
        try (var s = Files.list(runs)) {
            folder = s.filter(p -> p.getFileName().toString().contains("tournament") && !Files.isSymbolicLink(p)).findFirst().orElseThrow();
        }
        pairing = folder.resolve("pairs/baseline-vs-cite-policy");
        assertTrue(Files.isDirectory(pairing), "the bundled tournament has this pairing");
    }

    private static void refusedWithThePairings(CliRun r, String command) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("a tournament's folder holds no single run; give " + command
                + " a pairing folder instead (pairs/<control>-vs-<candidate>): "), r.err());
        assertTrue(r.err().contains(pairing.toString()), r.err());
        // Only pairings against the control (baseline) are offered.
        assertFalse(r.err().contains("cite-policy-and-name-vs-short"), r.err());
        assertFalse(r.err().contains("outcomes.jsonl") || r.err().contains("cases.jsonl") || r.err().contains("Exception"), r.err());
    }

    @Test
    void compareNamesThePairingFolders() {
        refusedWithThePairings(CliRun.of("compare", pairing.toString(), folder.toString(), "--out", tmp.toString()), "compare");
        assertFalse(Files.exists(tmp.resolve("compare.json")), "nothing written");
        refusedWithThePairings(CliRun.of("compare", folder.toString(), pairing.toString()), "compare");
    }

    @Test
    void labelNamesThePairingFolders() {
        Path sheet = tmp.resolve("sheet.csv");
        refusedWithThePairings(CliRun.of("label", folder.toString(), "--out", sheet.toString()), "label");
        assertFalse(Files.exists(sheet), "nothing written");
        CliRun fromPairing = CliRun.of("label", pairing.toString(), "--out", sheet.toString());
        assertEquals(0, fromPairing.exitCode(), fromPairing.err());
    }

    @Test
    void calibrateNamesThePairingFolders() throws IOException {
        Path labels = Files.writeString(tmp.resolve("labels.csv"), "case_id,label\nship-001,A\n");
        refusedWithThePairings(CliRun.of("calibrate", folder.toString(), "--labels", labels.toString()), "calibrate");
    }
}
