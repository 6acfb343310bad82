package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --shard K/N} of a tournament, then {@code merge} (issue 21): the bundled four-variant round robin on the
 * simulated provider in two shards merges to a folder whose CSVs and case files are byte-identical to the
 * single-machine tournament's; an adaptive schedule refuses --shard before any folder exists; shards of two different
 * tournaments are refused.
 */
class TournamentShardTest {
    private static final String EXAMPLE = "examples/support-bot.tournament.arena.yaml";

    @TempDir Path dir;

    @Test
    void twoShardsOfATournamentMergeToTheSingleMachineTournament() throws IOException {
        Path whole = dir.resolve("whole");
        CliRun single = CliRun.of("run", EXAMPLE, "--limit", "12", "--no-cache", "-q", "--run-dir", whole.toString());
        int cases = 0;
        for (int k = 1; k <= 2; k++) {
            CliRun shard = CliRun.of("run", EXAMPLE, "--limit", "12", "--shard", k + "/2", "--no-cache", "-q", "--out", dir.resolve("shards").toString());
            // A finished shard exits 0, as a two-variant shard does (its own gate said INCONCLUSIVE: exit 3).
            assertEquals(0, shard.exitCode(), shard.out() + shard.err());
            assertTrue(shard.err().contains("Shard " + k + "/2 finished"), shard.err());
        }
        List<Path> shards = folders(dir.resolve("shards"));
        assertEquals(2, shards.size());
        for (Path s : shards) {
            assertTrue(s.getFileName().toString().contains("-shard-"), s.toString());
            long n = Files.readAllLines(s.resolve("pairs/baseline-vs-short/cases.jsonl")).size();
            assertTrue(n > 0 && n < 12, s + " has " + n);
            cases += (int) n;
        }
        assertEquals(12, cases);
        Path merged = dir.resolve("merged");
        CliRun merge = CliRun.of("merge", "--run-dir", merged.toString(), shards.get(1).toString(), shards.get(0).toString());
        assertEquals(single.exitCode(), merge.exitCode(), merge.out() + merge.err());
        List<String> compared = assertSameFiles(whole, merged);
        assertTrue(compared.contains("ranking.csv") && compared.contains("pairs/cite-policy-vs-short/cases.jsonl"), compared.toString());
        assertFalse(Files.readString(merged.resolve("manifest.json")).contains("--shard"));
        assertEquals(Files.readString(whole.resolve("tournament.json")), Files.readString(merged.resolve("tournament.json")));
    }

    @Test
    void anAdaptiveScheduleRefusesShardsAndMergeRefusesShardsOfAnotherTournament() throws IOException {
        Path adaptive = TournamentAdaptiveRunTest.adaptiveConfig(dir, "  schedule: adaptive\n");
        CliRun r = CliRun.of("run", adaptive.toString(), "--shard", "1/2", "-q", "--out", dir.resolve("out").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("tournament.schedule") && r.err().contains("--shard"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(dir.resolve("out")));

        // Shard 1 of a 6-case tournament and shard 2 of an 8-case one: refused, nothing written.
        CliRun.of("run", EXAMPLE, "--limit", "6", "--shard", "1/2", "--no-cache", "-q", "--run-dir", dir.resolve("s1").toString());
        CliRun.of("run", EXAMPLE, "--limit", "8", "--shard", "2/2", "--no-cache", "-q", "--run-dir", dir.resolve("s2").toString());
        CliRun merge = CliRun.of("merge", "--run-dir", dir.resolve("m").toString(), dir.resolve("s1").toString(), dir.resolve("s2").toString());
        assertEquals(2, merge.exitCode(), merge.err());
        assertFalse(merge.err().contains("Exception"), merge.err());
        assertFalse(Files.exists(dir.resolve("m")));
    }

    private static List<Path> folders(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p) && !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** Every CSV and case file of the single-machine folder is in the merged one, byte for byte; returns their names. */
    private static List<String> assertSameFiles(Path expected, Path actual) throws IOException {
        List<String> compared = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(expected)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith("cases.jsonl")
                    || p.toString().endsWith("outcomes.jsonl")).toList()) {
                String name = expected.relativize(f).toString();
                Path other = actual.resolve(name);
                assertTrue(Files.exists(other), name);
                assertEquals(Files.readString(f), Files.readString(other), name);
                compared.add(name);
            }
        }
        return compared;
    }
}
