package dev.promptarena.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.ArenaFixture;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.DeterministicReplies;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.RunFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 4: resume compares the config, dataset, rubric and judge template with the manifest's
 * hashes and refuses a change with a diff (exit 2, nothing touched, nothing sent) unless
 * {@code --allow-changed-inputs} is given, which the manifest records.
 */
class ResumeInputsTest {
    @TempDir Path dir;

    @Test
    void aChangedDatasetOrRubricOrAnEnvRedirectedPathIsRefusedUnlessAllowed() throws Exception {
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.fallback(DeterministicReplies::reply);
            ArenaFixture.goldenSet(dir, 4);
            Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"" + server.baseUrl() + "\"}", "oa", "oa", "random", "");
            Files.writeString(cfg, Files.readString(cfg).replace("dataset: golden.jsonl", "dataset: ${GOLDEN:-golden.jsonl}"));
            Files.copy(dir.resolve("golden.jsonl"), dir.resolve("other.jsonl"));
            Map<String, String> env = Map.of("GOLDEN", "other.jsonl");
            CliRun first = CliRun.of(env, "run", cfg.toString(), "--quiet", "--no-cache");
            Path runDir;
            try (Stream<Path> s = RunFolders.list(dir.resolve("reports"))) { runDir = s.findFirst().orElseThrow(); }
            byte[] manifest = Files.readAllBytes(runDir.resolve("manifest.json"));
            int sent = server.requests().size();

            // The variable is unset at resume: the path falls back to another file.
            CliRun redirected = CliRun.of("run", "--resume", runDir.toString(), "--quiet");
            assertEquals(2, redirected.exitCode(), first.err() + redirected.err());
            assertTrue(redirected.err().contains("dataset path: " + dir.resolve("other.jsonl")) && redirected.err().contains("golden.jsonl"),
                    redirected.err());

            // A question edited and a case cut; the rubric edited.
            List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("other.jsonl")));
            lines.set(0, lines.get(0).replace("hasn't arrived", "was damaged"));
            lines.remove(3);
            Files.write(dir.resolve("other.jsonl"), lines);
            Files.writeString(dir.resolve("rubric.yaml"), Files.readString(dir.resolve("rubric.yaml")).replace("great", "excellent"));
            CliRun edited = CliRun.of(env, "run", "--resume", runDir.toString(), "--quiet");
            assertEquals(2, edited.exitCode(), edited.err());
            assertTrue(edited.err().contains("dataset " + dir.resolve("other.jsonl") + ": content changed"), edited.err());
            assertTrue(edited.err().contains("3 cases now"), edited.err());
            assertTrue(edited.err().contains("rubric " + dir.resolve("rubric.yaml") + ": content changed"), edited.err());
            assertTrue(edited.err().contains("--allow-changed-inputs"), edited.err());
            assertArrayEquals(manifest, Files.readAllBytes(runDir.resolve("manifest.json")), "a refused resume writes nothing");
            assertEquals(sent, server.requests().size(), "and sends nothing");

            CliRun allowed = CliRun.of(env, "run", "--resume", runDir.toString(), "--quiet", "--allow-changed-inputs");
            assertTrue(List.of(0, 1, 3).contains(allowed.exitCode()), allowed.err());
            assertTrue(allowed.err().contains("warning: resuming with a changed input (--allow-changed-inputs): dataset"), allowed.err());
            assertTrue(Files.readString(runDir.resolve("manifest.json")).contains("\"--allow-changed-inputs\""), "the override is recorded");
        }
    }
}
