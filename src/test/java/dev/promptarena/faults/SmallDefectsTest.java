package dev.promptarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.DeterministicReplies;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.RunFolders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 item 8: the smaller defects, each through the CLI against the fake server. */
class SmallDefectsTest {
    @TempDir Path dir;

    private Path arena(FakeOpenAiServer server, int cases) throws Exception {
        server.fallback(DeterministicReplies::reply);
        ArenaFixture.goldenSet(dir, cases);
        return ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\"}", "oa", "oa", "random", "");
    }

    @Test
    void aGoldenSetWithAByteOrderMarkIsAccepted() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server, 2);
            Path golden = dir.resolve("golden.jsonl");
            Files.write(golden, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Files.readAllBytes(golden)));
            CliRun r = CliRun.of("validate", cfg.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("2 cases"), r.out());
        }
    }

    @Test
    void anOutFolderThatCannotBeCreatedIsAUsageErrorWithTheReason() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server, 2);
            Path file = Files.writeString(dir.resolve("a-file"), "x");
            CliRun r = CliRun.of("run", cfg.toString(), "--quiet", "--out", file.resolve("runs").toString());
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains("cannot create the run folder here: not a directory"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertEquals(0, server.requests().size());
        }
    }

    @Test
    void theRunFolderAppearsWithItsManifestAndNoStagingFolderIsLeft() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server, 2);
            CliRun r = CliRun.of("run", cfg.toString(), "--quiet", "--out", dir.resolve("out").toString());
            assertTrue(List.of(0, 1, 3).contains(r.exitCode()), r.err());
            List<Path> children;
            try (Stream<Path> s = RunFolders.list(dir.resolve("out"))) { children = s.toList(); }
            assertEquals(1, children.size(), children.toString());
            assertTrue(Files.isRegularFile(children.get(0).resolve("manifest.json")));
            assertTrue(Files.readString(children.get(0).resolve("manifest.json"), StandardCharsets.UTF_8)
                    .contains("\"runId\" : \"" + children.get(0).getFileName() + "\""));
        }
    }

    @Test
    void anEmptyReplyIsAGenerationErrorUnlessConfiguredAsAnAnswer() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            arena(server, 3);
            server.fallback(r -> r.json().path("model").asText().equals("model-b") ? FakeOpenAiServer.Reply.ok("")
                    : DeterministicReplies.reply(r));
            Path cfg = dir.resolve("arena.yaml");
            CliRun r = CliRun.of("run", cfg.toString(), "--quiet", "--out", dir.resolve("err").toString());
            assertEquals(6, server.requests().size(), "A and B of 3 cases; no pair with an empty side is judged");
            Path runDir;
            try (Stream<Path> s = RunFolders.list(dir.resolve("err"))) { runDir = s.findFirst().orElseThrow(); }
            String cases = Files.readString(runDir.resolve("cases.jsonl"));
            assertEquals(3, cases.split("empty reply from the model", -1).length - 1, cases);

            Files.writeString(cfg, Files.readString(cfg) + "engine: {empty_reply: answer}\n");
            CliRun answered = CliRun.of("run", cfg.toString(), "--quiet", "--no-cache", "--out", dir.resolve("ans").toString());
            assertEquals(6 + 9, server.requests().size(), r.err() + answered.err());
        }
    }

    @Test
    void controlSequencesInCaseIdsAndTagsNeverReachTheTerminal() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server, 4);
            Path golden = dir.resolve("golden.jsonl");
            String hostile = "\\u001b]0;owned\\u0007c\\u001b[2J";
            String text = Files.readString(golden).replace("\"id\": \"c", "\"id\": \"" + hostile).replace("\"shipping\"", "\"" + hostile + "\"");
            Files.writeString(golden, text);
            CliRun run = CliRun.of("run", cfg.toString(), "--quiet", "--no-cache");
            assertTrue(List.of(0, 1, 3).contains(run.exitCode()), run.err());
            assertFalse((run.out() + run.err()).contains("\u001b"), run.out() + run.err());
            // An error that quotes a case id: the id's escape sequences are removed, its text kept.
            Files.writeString(golden, text + text.lines().findFirst().orElseThrow() + "\n");
            CliRun dup = CliRun.of("validate", cfg.toString());
            assertEquals(2, dup.exitCode());
            assertTrue(dup.err().contains("duplicate id 'c0'"), dup.err());
            assertFalse(dup.err().contains("\u001b"), dup.err());
        }
    }

    @Test
    void userTextInTheHtmlReportIsIsolatedFromTheTextAroundIt() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            Path cfg = arena(server, 2);
            Path golden = dir.resolve("golden.jsonl");
            // U+202E RIGHT-TO-LEFT OVERRIDE in a tag value
            Files.writeString(golden, Files.readString(golden).replace("\"shipping\"", "\"\u202eshipping\""));
            CliRun run = CliRun.of("run", cfg.toString(), "--quiet", "--no-cache");
            Path runDir;
            try (Stream<Path> s = RunFolders.list(dir.resolve("reports"))) { runDir = s.findFirst().orElseThrow(); }
            String html = Files.readString(runDir.resolve("report.html"));
            String option = "dir=\"auto\">category&#x3D;\u202eshipping</option>";
            assertTrue(html.contains(option), html.substring(html.indexOf("f-tag"), html.indexOf("f-tag") + 300));
            // untrusted() is report.js's bdi helper (HtmlReportBrowserTest checks the rendered DOM of every untrusted piece).
            assertTrue(html.contains("function untrusted(text) { return el('bdi', null, withoutBidiControls(text)); }")
                    && html.contains("untrusted(c.id)") && html.contains("untrusted(t)"), "case ids and tags render in <bdi>");
            assertTrue(html.contains("unicode-bidi: isolate"), run.err());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
