package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder started before case ids kept what the user wrote (its manifest has no {@code caseIds}; its journal and
 * cases were made under the earlier ids: {@code 1e3} was "1000.0", {@code " c2 "} kept its blanks). Its judge's
 * presentation order was drawn from those ids, and the journal records requests, not ids, so a resume under the new
 * ids would send judge requests the journal does not hold: judge calls paid again. Such a resume is refused, naming the
 * golden set's lines, with exit 2 and the folder untouched; a folder whose ids read the same under both rules, and one
 * started by this version, resume as before, sending nothing again.
 */
class EarlierCaseIdsResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRICES = "prices: {model-a: {input: 1000, output: 2000}, model-b: {input: 3000, output: 4000}, "
            + "judge-model: {input: 500, output: 500}}";

    @TempDir Path dir;

    private static void golden(Path dir, List<String> ids) throws Exception {
        ArenaFixture.goldenSet(dir, 1); // the rubric
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            lines.add("{\"id\": " + ids.get(i) + ", \"customer_name\": \"Ana\", \"message\": \"My package hasn't arrived after " + (i + 3)
                    + " days\", \"context\": \"Shipping policy (S-1): late orders are traced and reshipped.\", \"reference\": \"Trace and reship.\"}");
        }
        Files.write(dir.resolve("golden.jsonl"), lines);
    }

    /** A finished run with {@code ids}, its manifest made as the earlier version wrote it when {@code earlier}. */
    private Path interruptedRun(FakeOpenAiServer server, List<String> ids, boolean earlier) throws Exception {
        golden(dir, ids);
        Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\", api_key_env: TEST_KEY}", "oa", "oa",
                "random", PRICES);
        Path run = dir.resolve("run");
        CliRun first = CliRun.of(env(), "run", cfg.toString(), "--quiet", "--run-dir", run.toString());
        assertTrue(List.of(0, 1, 3).contains(first.exitCode()), first.err());
        ObjectNode manifest = (ObjectNode) JSON.readTree(run.resolve("manifest.json").toFile());
        assertEquals("as-written", manifest.path("caseIds").asText(), "this version records its rule");
        if (earlier) {
            manifest.remove("caseIds");
            JSON.writeValue(run.resolve("manifest.json").toFile(), manifest);
        }
        return run;
    }

    private Map<String, String> env() {
        return Map.of("TEST_KEY", "sk-test", "PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString());
    }

    private static Map<String, String> contents(Path folder) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(p) + " " + Files.getLastModifiedTime(p), new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /**
     * The folder the earlier version left: its calls made under the ids it read ("1000.0" for 1e3, "2.5" for 2.50, "0"
     * for -0, run here as those strings, which this version reads the same), the golden set as the user wrote it (those
     * numbers) with its hash in the manifest, and no {@code caseIds} in the manifest.
     */
    private Path earlierRun(FakeOpenAiServer server) throws Exception {
        Path run = interruptedRun(server, List.of("\"1000.0\"", "\"c2\"", "\"2.5\"", "\"0\"", "\"c5\"", "\"c6\""), true);
        golden(dir, List.of("1e3", "\"c2\"", "2.50", "-0", "\"c5\"", "\"c6\""));
        ObjectNode manifest = (ObjectNode) JSON.readTree(run.resolve("manifest.json").toFile());
        manifest.put("datasetSha256", dev.promptarena.input.Hashing.sha256(Files.readString(dir.resolve("golden.jsonl"))));
        JSON.writeValue(run.resolve("manifest.json").toFile(), manifest);
        return run;
    }

    @Test
    void aRunStartedUnderTheEarlierIdsWhoseIdsReadDifferentlyNowIsRefusedUntouched() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(DeterministicReplies::reply);
            Path run = earlierRun(server);
            Map<String, String> before = contents(run);
            int sent = server.requests().size();

            CliRun resumed = CliRun.of(env(), "run", "--resume", run.toString(), "--quiet");

            assertEquals(2, resumed.exitCode(), "sent again: " + (server.requests().size() - sent) + "\n" + resumed.err());
            String err = resumed.err();
            assertTrue(err.contains("started before case ids kept what the user wrote, and 3 of"), err);
            assertTrue(err.contains("golden.jsonl:1: id: was '1000.0', is now '1e3'"), err);
            assertTrue(err.contains("golden.jsonl:3: id: was '2.5', is now '2.50'"), err);
            assertTrue(err.contains("golden.jsonl:4: id: was '0', is now '-0'"), err);
            assertFalse(err.contains(":2: id:"), "c2 reads the same: " + err);
            assertTrue(err.contains("paid again"), err);
            assertTrue(err.contains("record 3 of them under the earlier id"), err);
            assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("dev.promptarena"), err);
            assertEquals(sent, server.requests().size(), "nothing sent");
            assertEquals(before, contents(run), "nothing written");
        }
    }

    @Test
    void blanksAroundAJsonlIdAreNamedToo() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(DeterministicReplies::reply);
            Path run = interruptedRun(server, List.of("\" c1 \"", "\"c2\""), true);
            // The earlier version kept the blanks: its cases recorded " c1 " (this version's run recorded "c1").
            for (String file : List.of("cases.jsonl", "outcomes.jsonl")) {
                Path p = run.resolve(file);
                Files.writeString(p, Files.readString(p).replace("\"caseId\":\"c1\"", "\"caseId\":\" c1 \""));
                assertTrue(Files.readString(p).contains("\" c1 \""), file + " holds the earlier id");
            }
            CliRun resumed = CliRun.of(env(), "run", "--resume", run.toString(), "--quiet");
            assertEquals(2, resumed.exitCode(), resumed.err());
            assertTrue(resumed.err().contains("golden.jsonl:1: id: was ' c1 ', is now 'c1'"), resumed.err());
        }
    }

    @Test
    void aRunStartedUnderTheEarlierIdsThatReadTheSameNowResumesSendingNothing() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(DeterministicReplies::reply);
            Path run = interruptedRun(server, List.of("7", "\"c2\"", "\"c3\""), true);
            int sent = server.requests().size();
            CliRun resumed = CliRun.of(env(), "run", "--resume", run.toString(), "--quiet");
            assertTrue(List.of(0, 1, 3).contains(resumed.exitCode()), resumed.err());
            assertEquals(sent, server.requests().size(), "every call served from the journal");
            assertEquals("as-written", JSON.readTree(run.resolve("manifest.json").toFile()).path("caseIds").asText(),
                    "resumed by this version, its ids are this version's");
        }
    }

    /**
     * The versions between the id rule and the manifest's marker ran under today's ids without recording the rule: their
     * cases recorded "1e3", "c2" (blanks dropped), "2.50", the NFC form. That evidence lets the resume go on, sending
     * nothing again. "1000.0" beside 1e3 is some case's id now, so it says nothing about the earlier rule (which refused
     * the two as duplicates) and does not count against the folder.
     */
    @Test
    void aRunStartedUnderTodaysIdsBeforeTheMarkerResumesFromItsRecordedIdsSendingNothing() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(DeterministicReplies::reply);
            Path run = interruptedRun(server, List.of("1e3", "\" c2 \"", "2.50", "\"e\u0301\"", "\"1000.0\""), true);
            int sent = server.requests().size();
            CliRun resumed = CliRun.of(env(), "run", "--resume", run.toString(), "--quiet");
            assertTrue(List.of(0, 1, 3).contains(resumed.exitCode()), resumed.err());
            assertEquals(sent, server.requests().size(), "every call served from the journal");
            assertEquals("as-written", JSON.readTree(run.resolve("manifest.json").toFile()).path("caseIds").asText());
        }
    }

    /** A killed run has no cases.jsonl yet: the cases it wrote before the kill, in .cases.jsonl.tmp, are the evidence. */
    @Test
    void aKilledRunsUnfinishedCasesFileIsEvidenceToo() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(DeterministicReplies::reply);
            Path run = interruptedRun(server, List.of("\"c1\"", "1e3", "\"c3\""), true);
            List<String> lines = Files.readAllLines(run.resolve("cases.jsonl"));
            // The kill came while the third case was being written: its line is torn.
            Files.writeString(run.resolve(".cases.jsonl.tmp"), lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2).substring(0, 40));
            Files.delete(run.resolve("cases.jsonl"));
            Files.delete(run.resolve("outcomes.jsonl"));
            int sent = server.requests().size();
            CliRun resumed = CliRun.of(env(), "run", "--resume", run.toString(), "--quiet");
            assertTrue(List.of(0, 1, 3).contains(resumed.exitCode()), resumed.err());
            assertEquals(sent, server.requests().size(), "every call served from the journal");
        }
    }

    /** No recorded case of a renamed id (killed before any was written): which rule it ran under cannot be told, refused. */
    @Test
    void aFolderThatRecordedNoRenamedCaseIsRefusedUntouched() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(DeterministicReplies::reply);
            Path run = interruptedRun(server, List.of("\"c1\"", "1e3"), true);
            Files.delete(run.resolve("cases.jsonl"));
            Files.delete(run.resolve("outcomes.jsonl"));
            Map<String, String> before = contents(run);
            int sent = server.requests().size();
            CliRun resumed = CliRun.of(env(), "run", "--resume", run.toString(), "--quiet");
            assertEquals(2, resumed.exitCode(), resumed.err());
            assertTrue(resumed.err().contains("golden.jsonl:2: id: was '1000.0', is now '1e3'"), resumed.err());
            assertTrue(resumed.err().contains("records none of these cases"), resumed.err());
            assertEquals(sent, server.requests().size(), "nothing sent");
            assertEquals(before, contents(run), "nothing written");
        }
    }

    @Test
    void aRunStartedByThisVersionResumesWhateverItsIdsSendingNothing() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(DeterministicReplies::reply);
            Path run = interruptedRun(server, List.of("1e3", "\" c2 \"", "\"c3\"", "2.50"), false);
            int sent = server.requests().size();
            CliRun resumed = CliRun.of(env(), "run", "--resume", run.toString(), "--quiet");
            assertTrue(List.of(0, 1, 3).contains(resumed.exitCode()), resumed.err());
            assertEquals(sent, server.requests().size(), "every call served from the journal");
        }
    }
}
