package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.run.Shard;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A data set where two identical cases ("twins": same fields, other ids) fall in different shards of 2, beside c0 and
 * c1, and the CLI steps the sharding tests share: shards run as parallel CI jobs, each with its own cache, and merge.
 */
final class ShardTwins {
    private ShardTwins() { }

    /** The rubric and golden.jsonl in {@code dir}: c0, the first twin (shard 1), c1, the second twin (shard 2). */
    static void writeDataset(Path dir) throws Exception {
        ArenaFixture.goldenSet(dir, 1); // the rubric
        List<String> twins = twinIds();
        Files.write(dir.resolve("golden.jsonl"), List.of(line("c0", 5), line(twins.get(0), 9), line("c1", 6), line(twins.get(1), 9)));
    }

    /** The first id of the form twin-N in each of the two shards: the id alone decides a case's shard. */
    private static List<String> twinIds() {
        String first = null, second = null;
        for (int i = 0; first == null || second == null; i++) {
            String id = "twin-" + i;
            if (Shard.bucket(id, 2) == 0 && first == null) first = id;
            if (Shard.bucket(id, 2) == 1 && second == null) second = id;
        }
        return List.of(first, second);
    }

    private static String line(String id, int days) {
        return "{\"id\": \"" + id + "\", \"customer_name\": \"Ana\", \"message\": \"My package hasn't arrived after " + days
                + " days\", \"context\": \"Shipping policy (S-1): late orders are traced and reshipped.\", \"tags\": {\"category\": \"shipping\"}}";
    }

    /** The fake's key and a response cache of its own, {@code dir/cache}. */
    static Map<String, String> env(Path dir, String cache) {
        return Map.of("TEST_KEY", "sk-test", "PROMPT_ARENA_CACHE_DIR", dir.resolve(cache).toString());
    }

    /** Runs shards 1/2 and 2/2 into {@code dir/shards}, one after the other, with the caches {@code cacheOf.apply(k)}. */
    static void runShards(Path dir, Path cfg, java.util.function.IntFunction<String> cacheOf) {
        for (int k = 1; k <= 2; k++) {
            CliRun shard = CliRun.of(env(dir, cacheOf.apply(k)), "run", cfg.toString(), "--shard", k + "/2", "--out",
                    dir.resolve("shards").toString(), "-q");
            assertEquals(0, shard.exitCode(), shard.out() + shard.err());
        }
    }

    /** Merges the shard folders of {@code dir/shards} into {@code dir/name}; PASS, FAIL and INCONCLUSIVE all merge. */
    static CliRun mergeShards(Path dir, String name) throws Exception {
        List<String> args = new ArrayList<>(List.of("merge", "--run-dir", dir.resolve(name).toString()));
        folders(dir.resolve("shards")).forEach(s -> args.add(s.toString()));
        CliRun merge = CliRun.of(args.toArray(String[]::new));
        assertTrue(List.of(0, 1, 3).contains(merge.exitCode()), merge.out() + merge.err());
        return merge;
    }

    private static List<Path> folders(Path parent) throws Exception {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
