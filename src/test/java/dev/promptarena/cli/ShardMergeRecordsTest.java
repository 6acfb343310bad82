package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code merge} streams each shard's cases.jsonl (issue 21) instead of loading it: the checks on the records
 * themselves (a case twice in a shard, a repeat under another case's id, a record too many) must still refuse
 * with the file and line, and write nothing; untouched shards with repeats still merge to every record in order.
 */
class ShardMergeRecordsTest {
    private static final String EXAMPLE = "examples/support-bot.arena.yaml";
    @TempDir Path dir;

    @Test
    void recordsOutOfTheShardsOrderAreRefusedWithFileAndLine() throws IOException {
        Path out = dir.resolve("shards");
        for (int k = 1; k <= 2; k++) {
            assertEquals(0, CliRun.of("run", EXAMPLE, "--shard", k + "/2", "--repeats", "2", "--out", out.toString(), "-q").exitCode());
        }
        List<Path> s = folders(out);
        Path cases = s.get(0).resolve("cases.jsonl");
        List<String> lines = Files.readAllLines(cases);
        assertTrue(lines.size() >= 6, "the example's first shard has at least 3 cases x 2 repeats");

        CliRun merged = CliRun.of("merge", "--run-dir", dir.resolve("whole").toString(), s.get(0).toString(), s.get(1).toString());
        assertTrue(merged.exitCode() != 2, merged.err());
        List<String> whole = Files.readAllLines(dir.resolve("whole").resolve("cases.jsonl"));
        assertEquals(lines.size() + Files.readAllLines(s.get(1).resolve("cases.jsonl")).size(), whole.size());
        assertTrue(whole.containsAll(lines), "every record of shard 1 is in the merged run");

        // Repeat 1 of the first case carries the second case's record (so its id): line 2.
        List<String> swapped = new ArrayList<>(lines);
        swapped.set(1, lines.get(3));
        assertRefusedWith(cases, swapped, s, "cases.jsonl:2: case_id", "is out of the shard's order");
        // The third case is the first case again, both repeats: line 5.
        List<String> twice = new ArrayList<>(lines);
        twice.set(4, lines.get(0));
        twice.set(5, lines.get(1));
        assertRefusedWith(cases, twice, s, "cases.jsonl:5: case_id", "is out of the shard's order");
        List<String> extra = new ArrayList<>(lines);
        extra.add(lines.get(0));
        assertRefusedWith(cases, extra, s, "cases.jsonl", "records " + (lines.size() + 1) + " cases, but shard.json lists");
    }

    private void assertRefusedWith(Path cases, List<String> content, List<Path> shards, String where, String message) throws IOException {
        List<String> original = Files.readAllLines(cases);
        Files.write(cases, content);
        try {
            Path target = dir.resolve("refused");
            CliRun run = CliRun.of("merge", "--run-dir", target.toString(), shards.get(0).toString(), shards.get(1).toString());
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains(where) && run.err().contains(message), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
            assertFalse(Files.exists(target), "nothing is written");
        } finally {
            Files.write(cases, original);
        }
    }

    private static List<Path> folders(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }
}
