package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.DeterministicReplies;
import dev.promptarena.testing.FakeOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two identical cases (same fields, other ids) that fall in different shards. A single machine sends their requests
 * once (the generations and, judged in both orders, the judge's two presentations) and serves the second case from
 * them; each shard sends them itself unless the shards share the response cache and run one after the other. The merged
 * engine.json adds the shards' counters: it counts every send, as billed, and merge says how many sends and dollars a
 * single machine would not have made. With one cache used shard after shard, nothing is sent twice and the merged
 * folder is byte-identical to the single machine's (README "Sharding a run", docs/ci.md).
 */
class ShardIdenticalCasesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRICES = "prices: {model-a: {input: 1000, output: 2000}, model-b: {input: 3000, output: 4000}, "
            + "judge-model: {input: 500, output: 500}}";
    private static final List<String> SAME = List.of("cases.csv", "summary.csv", "axes.csv", "segments.csv", "cases.jsonl", "outcomes.jsonl");

    @TempDir Path dir;

    /** c0 and c1, and two twins (the same question), one in each shard of 2. */
    private Path arena(FakeOpenAiServer server) throws Exception {
        ShardTwins.writeDataset(dir);
        return ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", api_key_env: TEST_KEY}", "oa", "oa",
                "both", PRICES);
    }

    @Test
    void shardsWithTheirOwnCachesEachPayForTheTwinsRequestsAndMergeSaysSo() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(DeterministicReplies::reply);
            Path cfg = arena(server);
            ShardTwins.runShards(dir, cfg, k -> "cache-" + k); // parallel CI jobs: each shard its own cache
            int shardsSent = server.requests().size();
            CliRun whole = CliRun.of(ShardTwins.env(dir, "cache-whole"), "run", cfg.toString(), "--run-dir", dir.resolve("whole").toString(), "-q");
            assertTrue(List.of(0, 1, 3).contains(whole.exitCode()), whole.err());
            int wholeSent = server.requests().size() - shardsSent;
            assertEquals(4 * 3, wholeSent, "one machine: 3 distinct cases' A, B and two judge presentations");
            assertEquals(wholeSent + 4, shardsSent, "each shard sent the twins' four requests");

            String mergeErr = ShardTwins.mergeShards(dir, "merged").err();
            Path merged = dir.resolve("merged");
            assertTrue(mergeErr.contains("note: 4 requests (identical cases in different shards) were sent by more than one shard: 4 sends"
                    + " more than a single machine makes"), mergeErr);

            JsonNode mergedEngine = JSON.readTree(merged.resolve("engine.json").toFile());
            JsonNode wholeEngine = JSON.readTree(dir.resolve("whole").resolve("engine.json").toFile());
            assertEquals(wholeEngine.get("issued").asInt() + 4, mergedEngine.get("issued").asInt(), "engine.json counts every send");
            // What the second send cost is one twin's cost, priced in its case as if paid.
            JsonNode twin = JSON.readTree(Files.readAllLines(dir.resolve("whole").resolve("cases.jsonl")).get(3));
            double twinCost = twin.at("/a/costUsd").asDouble() + twin.at("/b/costUsd").asDouble()
                    + twin.get("traces").findValues("costUsd").stream().mapToDouble(JsonNode::asDouble).sum();
            assertTrue(twinCost > 0, twin.toString());
            assertEquals(wholeEngine.get("costUsd").asDouble() + twinCost, mergedEngine.get("costUsd").asDouble(), 1e-9);
            assertTrue(mergeErr.contains(String.format(java.util.Locale.ROOT, "$%.4f of engine.json's cost", twinCost)), mergeErr);

            // The case files hold the same answers, costs and verdicts; only latencies differ (wall-clock, per send).
            assertEquals(withoutLatencies(dir.resolve("whole").resolve("cases.jsonl")), withoutLatencies(merged.resolve("cases.jsonl")));
        }
    }

    @Test
    void shardsSharingOneCacheOneAfterAnotherSendTheTwinsOnceAndMergeToTheSingleMachineRun() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(DeterministicReplies::reply);
            Path cfg = arena(server);
            ShardTwins.runShards(dir, cfg, k -> "shared"); // one cache, shard after shard
            assertEquals(4 * 3, server.requests().size(), "the second shard's twin was served from the first's answers");
            CliRun whole = CliRun.of(ShardTwins.env(dir, "shared"), "run", cfg.toString(), "--run-dir", dir.resolve("whole").toString(), "-q");
            assertEquals(4 * 3, server.requests().size(), "the single machine replays the same answers");

            String mergeErr = ShardTwins.mergeShards(dir, "merged").err();
            Path merged = dir.resolve("merged");
            assertFalse(mergeErr.contains("note:"), mergeErr);
            assertEquals(whole.exitCode(), CliRun.of("report", merged.toString()).exitCode());
            for (String f : SAME) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("whole").resolve(f)), Files.readAllBytes(merged.resolve(f)), f);
            }
            assertEquals(12, JSON.readTree(merged.resolve("engine.json").toFile()).get("issued").asInt(), "what one cold machine sends");
        }
    }

    private static List<JsonNode> withoutLatencies(Path casesJsonl) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(casesJsonl)) {
            ObjectNode n = (ObjectNode) JSON.readTree(l);
            ((ObjectNode) n.get("a")).remove("latencyMillis");
            ((ObjectNode) n.get("b")).remove("latencyMillis");
            out.add(n);
        }
        return out;
    }
}
