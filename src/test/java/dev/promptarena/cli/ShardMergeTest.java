package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Recorded;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --shard K/N} then {@code merge}: the merged folder's CSVs and case files are byte-identical to a
 * single-machine run of the same cases, on the bundled example (simulated provider) and through the real HTTP
 * client against the fake server; merge refuses anything but one complete set of shards of one design.
 */
class ShardMergeTest {
    private static final String EXAMPLE = "examples/support-bot.arena.yaml";
    /** Every file of a run folder that must not depend on how the run was split. */
    private static final List<String> SAME = List.of("cases.csv", "summary.csv", "axes.csv", "segments.csv", "cases.jsonl", "outcomes.jsonl");
    private static final Pattern CASE = Pattern.compile("after (\\d+) days");

    @TempDir Path dir;

    @Test
    void threeShardsOfTheBundledExampleMergeToTheSingleMachineRun() throws IOException {
        CliRun whole = CliRun.of("run", EXAMPLE, "--out", dir.resolve("whole").toString(), "--quiet");
        int cases = 0;
        for (int k = 1; k <= 3; k++) {
            CliRun shard = CliRun.of("run", EXAMPLE, "--shard", k + "/3", "--out", dir.resolve("shards").toString(), "--quiet");
            assertEquals(0, shard.exitCode(), shard.err());
            assertTrue(shard.err().contains("Shard " + k + "/3 finished"), shard.err());
        }
        List<Path> shards = folders(dir.resolve("shards"));
        assertEquals(3, shards.size());
        for (Path s : shards) {
            long n = Files.readAllLines(s.resolve("cases.jsonl")).size();
            assertTrue(n > 0 && n < 34, s + " has " + n);
            cases += (int) n;
        }
        assertEquals(34, cases);
        Path merged = dir.resolve("merged");
        List<String> args = new ArrayList<>(List.of("merge", "--run-dir", merged.toString()));
        // Shards in reverse order: merge restores the golden-set order itself.
        for (int i = shards.size() - 1; i >= 0; i--) args.add(shards.get(i).toString());
        CliRun merge = CliRun.of(args.toArray(String[]::new));
        assertEquals(whole.exitCode(), merge.exitCode(), merge.out() + merge.err());
        assertSameFiles(only(dir.resolve("whole")), merged);
        assertFalse(Files.readString(merged.resolve("manifest.json")).contains("--shard"));
        // The merged folder is a run folder like any other: report regenerates the same CSVs.
        CliRun report = CliRun.of("report", merged.toString());
        assertEquals(whole.exitCode(), report.exitCode(), report.err());
        assertSameFiles(only(dir.resolve("whole")), merged);
    }

    /** B wins even-numbered cases, A odd ones; generators answer by model. */
    private static Reply reply(Recorded r) {
        String model = r.json().path("model").asText();
        if (!model.equals("judge-model")) return Reply.ok(model.equals("model-a") ? "On its way." : "Hi Ana, per policy S-1 we reship.");
        Matcher m = CASE.matcher(r.body());
        int caseNo = m.find() ? Integer.parseInt(m.group(1)) - 5 : 0;
        String user = r.lastUserText();
        boolean bFirst = user.indexOf("per policy S-1") < user.indexOf("On its way.");
        String winner = (caseNo % 2 == 0) == bFirst ? "A" : "B";
        return Reply.ok("{\"winner\": \"" + winner + "\", \"scores\": {\"A\": {\"Clarity\": 3, \"Policy citation\": 2}, "
                + "\"B\": {\"Clarity\": 4, \"Policy citation\": 4}}, \"reason\": \"scripted\"}");
    }

    @Test
    void shardsAgainstTheFakeServerMergeToWhatOneMachineRecords() throws IOException {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(ShardMergeTest::reply);
            ArenaFixture.goldenSet(dir, 16);
            Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", api_key_env: TEST_KEY}",
                    "oa", "oa", "random", "");
            // One cache for the shards, as a CI cache would be; the single-machine run then replays the same answers
            // (latencies included), so any difference would come from sharding and merging, not from the server.
            Map<String, String> env = Map.of("TEST_KEY", "sk-test-x", "PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString());
            for (int k = 1; k <= 2; k++) {
                CliRun shard = CliRun.of(env, "run", cfg.toString(), "--shard", k + "/2", "--out", dir.resolve("shards").toString(), "--quiet");
                assertEquals(0, shard.exitCode(), shard.out() + shard.err());
            }
            assertEquals(16 * 3, server.requests().size(), "every call once, over the two shards");
            Path merged = dir.resolve("merged");
            List<String> args = new ArrayList<>(List.of("merge", "--run-dir", merged.toString()));
            folders(dir.resolve("shards")).forEach(s -> args.add(s.toString()));
            CliRun merge = CliRun.of(args.toArray(String[]::new));
            CliRun whole = CliRun.of(env, "run", cfg.toString(), "--out", dir.resolve("whole").toString(), "--quiet");
            assertEquals(16 * 3, server.requests().size(), "the whole run was served by the shards' cache");
            assertEquals(whole.exitCode(), merge.exitCode(), merge.out() + merge.err());
            assertSameFiles(only(dir.resolve("whole")), merged);
            assertEquals(16 * 3, Files.readAllLines(merged.resolve("journal.jsonl")).size(), "both shards' journals");
            assertTrue(Files.readString(merged.resolve("engine.json")).contains("\"issued\" : 48"));
        }
    }

    @Test
    void refusesAnIncompleteDuplicatedMixedOrPartialSetAndWritesNothing() throws IOException {
        Path out = dir.resolve("shards");
        for (int k = 1; k <= 3; k++) assertEquals(0, CliRun.of("run", EXAMPLE, "--shard", k + "/3", "--out", out.toString(), "-q").exitCode());
        List<Path> s = folders(out);
        CliRun otherSeed = CliRun.of("run", EXAMPLE, "--shard", "2/3", "--seed", "7", "--out", dir.resolve("seed7").toString(), "-q");
        assertEquals(0, otherSeed.exitCode());
        Path seed7 = only(dir.resolve("seed7"));
        assertEquals(0, CliRun.of("run", EXAMPLE, "--shard", "1/3", "--out", dir.resolve("again").toString(), "-q").exitCode());
        Path again = only(dir.resolve("again"));
        Path whole = dir.resolve("whole");
        assertTrue(CliRun.of("run", EXAMPLE, "--limit", "3", "--out", whole.toString(), "-q").exitCode() != 2); // a whole run, whatever its decision

        assertRefused("shard 3/3 missing", "shard.json", s.get(0), s.get(1));
        assertRefused("shard 1/3 is given twice", "shard.json", s.get(0), again, s.get(1), s.get(2));
        assertRefused("judges", "manifest.json", s.get(0), seed7, s.get(2));
        assertRefused("not a shard folder", "shard.json", only(whole), s.get(1));
        Files.writeString(s.get(2).resolve("manifest.json"),
                Files.readString(s.get(2).resolve("manifest.json")).replace("\"partial\" : false", "\"partial\" : true"));
        assertRefused("partial", "manifest.json", s.get(0), s.get(1), s.get(2));
        Path taken = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(taken.resolve("keep.txt"), "x");
        CliRun occupied = CliRun.of("merge", "--run-dir", taken.toString(), s.get(0).toString());
        assertEquals(2, occupied.exitCode());
        assertEquals(List.of(taken.resolve("keep.txt")), list(taken));
    }

    /** A deviation recorded by every shard (here --seed) stays on the merged run, so merging cannot launder it into a PASS. */
    @Test
    void theShardsDesignChangesAndServedModelsSurviveTheMerge() throws IOException {
        Path out = dir.resolve("seeded");
        for (int k = 1; k <= 2; k++) {
            assertEquals(0, CliRun.of("run", EXAMPLE, "--shard", k + "/2", "--seed", "7", "--out", out.toString(), "-q").exitCode());
        }
        List<Path> s = folders(out);
        Path merged = dir.resolve("merged-seeded");
        CliRun merge = CliRun.of("merge", "--run-dir", merged.toString(), s.get(0).toString(), s.get(1).toString());
        assertTrue(merge.exitCode() != 0 && merge.exitCode() != 2, "a deviating run cannot PASS: " + merge.out() + merge.err());
        var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(merged.resolve("manifest.json").toFile());
        assertTrue(manifest.get("designChanges").toString().contains("--seed 7 replaced the configured judge seed"), manifest.toString());
        assertTrue(manifest.hasNonNull("served"), "served models read from the merged journal: " + manifest);
        assertEquals(merge.exitCode(), CliRun.of("report", merged.toString()).exitCode(), "report agrees with merge");
    }

    @Test
    void theSameFolderTwiceCountsOnce() throws IOException {
        Path out = dir.resolve("shards");
        for (int k = 1; k <= 2; k++) assertEquals(0, CliRun.of("run", EXAMPLE, "--shard", k + "/2", "--out", out.toString(), "-q").exitCode());
        List<Path> s = folders(out);
        // As a shell glob `shards/*` gives it: both folders and the `latest` link to the second.
        CliRun merge = CliRun.of("merge", "--run-dir", dir.resolve("m").toString(), s.get(0).toString(), s.get(1).toString(),
                out.resolve("latest").toString(), s.get(0).toString());
        assertTrue(merge.exitCode() != 2 && merge.exitCode() != 4, merge.err()); // merged: the gate decides, no input error
        assertEquals(34, Files.readAllLines(dir.resolve("m").resolve("cases.jsonl")).size());
    }

    @Test
    void aResumedShardStaysItsShardAndReissuesNothing() throws IOException {
        assertEquals(0, CliRun.of("run", EXAMPLE, "--shard", "2/3", "--out", dir.resolve("r").toString(), "--no-cache", "-q").exitCode());
        Path shard = only(dir.resolve("r"));
        byte[] cases = Files.readAllBytes(shard.resolve("cases.jsonl"));
        byte[] info = Files.readAllBytes(shard.resolve("shard.json"));
        CliRun resumed = CliRun.of("run", "--resume", shard.toString(), "-q");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("Shard 2/3 finished"), resumed.err());
        assertArrayEquals(cases, Files.readAllBytes(shard.resolve("cases.jsonl")));
        assertArrayEquals(info, Files.readAllBytes(shard.resolve("shard.json")));
        int calls = 3 * (int) Files.readAllLines(shard.resolve("cases.jsonl")).size();
        assertTrue(Files.readString(shard.resolve("engine.json")).contains("\"journalHits\" : " + calls), "every call from the journal");
    }

    private void assertRefused(String message, String file, Path... shards) throws IOException {
        List<Path> before = list(dir.resolve("shards"));
        List<String> args = new ArrayList<>(List.of("merge"));
        for (Path p : shards) args.add(p.toString());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(message) && run.err().contains(file), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals(before, list(dir.resolve("shards")), "no run folder was created");
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        for (String f : SAME) assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
    }

    private static List<Path> folders(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList(); // not the `latest` link
        }
    }

    private static List<Path> list(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            return s.sorted().toList();
        }
    }

    private static Path only(Path parent) throws IOException {
        List<Path> f = folders(parent);
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }
}
