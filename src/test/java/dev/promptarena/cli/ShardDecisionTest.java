package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One shard's reports decide nothing: shard 2/3 of the bundled example holds 12 cases whose own gate would say PASS
 * (B wins 10 of 12), which its terminal summary, summary.csv and summary.md used to print as the decision although
 * only merge decides. Every report of a shard, and {@code report} on its folder, now says INCONCLUSIVE and why.
 */
class ShardDecisionTest {
    @TempDir Path dir;

    @Test
    void aShardsReportsSayInconclusiveAndPointToMerge() throws IOException {
        CliRun shard = CliRun.of("run", "examples/support-bot.arena.yaml", "--shard", "2/3", "--out", dir.toString(), "--quiet");
        assertEquals(0, shard.exitCode(), shard.err());
        assertTrue(shard.out().contains("DECISION: INCONCLUSIVE"), shard.out());
        assertTrue(shard.out().contains("shard 2/3 holds part of the cases and decides nothing"), shard.out());
        Path folder = only(dir);
        String summary = Files.readString(folder.resolve("summary.csv"));
        assertTrue(summary.contains("decision,INCONCLUSIVE"), summary);
        assertTrue(Files.readString(folder.resolve("summary.md")).contains("INCONCLUSIVE"));
        // report on the shard folder reaches the same non-decision (the gate's code for INCONCLUSIVE).
        CliRun report = CliRun.of("report", folder.toString());
        assertEquals(ExitCode.INCONCLUSIVE.code(), report.exitCode(), report.out() + report.err());
        assertTrue(report.out().contains("DECISION: INCONCLUSIVE"), report.out());
    }

    private static Path only(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            List<Path> runs = s.filter(p -> p.getFileName().toString().contains("-shard-")).toList();
            assertEquals(1, runs.size(), runs.toString());
            return runs.get(0);
        }
    }
}
