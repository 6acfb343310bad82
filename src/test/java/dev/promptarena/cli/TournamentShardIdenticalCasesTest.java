package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.DeterministicReplies;
import dev.promptarena.testing.FakeOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tournament {@code merge}'s note on requests more than one shard sent (the same code as the two-variant merge's,
 * ShardIdenticalCasesTest): two identical cases (same fields, other ids) fall in different shards of a three-variant round
 * robin, and each shard, with its own response cache, sends their requests itself: each variant's generation (3) and, judged
 * in both orders, each pairing's two presentations (3 x 2), where a single machine sends them once. The note says 9
 * requests, 9 sends and their cost, which is what the merged engine.json counts beyond the single machine's.
 */
class TournamentShardIdenticalCasesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private Path tournament(FakeOpenAiServer server) throws Exception {
        ShardTwins.writeDataset(dir);
        String yaml = """
                name: fixture
                dataset: golden.jsonl
                rubric: rubric.yaml
                output: reports
                providers:
                  oa: {type: openai, base_url: "%s", api_key_env: TEST_KEY}
                decoding: {temperature: 0, max_tokens: 200, seed: 1}
                variants:
                  prod: {control: true, provider: oa, model: model-a, user: "Customer name: {{customer_name}}\\nCustomer message: {{message}}"}
                  v-b: {provider: oa, model: model-b, user: "Customer name: {{customer_name}}\\nCustomer message: {{message}}"}
                  v-c: {provider: oa, model: model-c, user: "Customer name: {{customer_name}}\\nCustomer message: {{message}}"}
                tournament: {schedule: round_robin}
                judge: {provider: oa, model: judge-model, order: both, seed: 5}
                prices: {model-a: {input: 1000, output: 2000}, model-b: {input: 3000, output: 4000}, model-c: {input: 2000, output: 1000},
                  judge-model: {input: 500, output: 500}}
                """.formatted(server.baseUrl());
        Path p = dir.resolve("arena.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    @Test
    void shardsWithTheirOwnCachesEachPayForTheTwinsRequestsAndTheTournamentMergeSaysSo() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(DeterministicReplies::reply);
            Path cfg = tournament(server);
            ShardTwins.runShards(dir, cfg, k -> "cache-" + k); // parallel CI jobs: each shard its own cache
            int shardsSent = server.requests().size();
            CliRun whole = CliRun.of(ShardTwins.env(dir, "cache-whole"), "run", cfg.toString(), "--run-dir", dir.resolve("whole").toString(), "-q");
            assertTrue(List.of(0, 1, 3).contains(whole.exitCode()), whole.out() + whole.err());
            int wholeSent = server.requests().size() - shardsSent;
            assertEquals(3 * (3 + 3 * 2), wholeSent, "one machine: 3 distinct cases' 3 generations and 3 pairings' two presentations");
            assertEquals(wholeSent + 9, shardsSent, "each shard sent the twins' nine requests");

            CliRun merge = ShardTwins.mergeShards(dir, "merged");

            JsonNode mergedEngine = JSON.readTree(dir.resolve("merged/engine.json").toFile());
            JsonNode wholeEngine = JSON.readTree(dir.resolve("whole/engine.json").toFile());
            assertEquals(wholeEngine.get("issued").asInt() + 9, mergedEngine.get("issued").asInt(), "engine.json counts every send");
            double extraUsd = mergedEngine.get("costUsd").asDouble() - wholeEngine.get("costUsd").asDouble();
            assertTrue(extraUsd > 0, "the twin's requests are priced: " + extraUsd);
            List<String> notes = merge.err().lines().filter(l -> l.startsWith("note: ")).toList();
            assertEquals(List.of(String.format(Locale.ROOT, "note: 9 requests (identical cases in different shards) were sent by more than one"
                    + " shard: 9 sends more than a single machine makes, $%.4f of engine.json's cost; those cases carry their own shard's"
                    + " answer, where a single machine serves them one (docs/ci.md)", extraUsd)), notes, merge.err());
        }
    }
}
