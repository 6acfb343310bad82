package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resumed run folder whose manifest.json is JSON but whose {@code startedAt} is not a time (an edit): read after the
 * folder is locked, it was exit 4 with the JDK's parse message ("Text 'yesterday' could not be parsed at index 0"), no file
 * named. Now it is an input error naming the file, the line and the field, with the folder, {@code .lock} included, as it was.
 */
class ResumeDamagedManifestTest {
    @TempDir Path dir;

    @Test
    void aStartTimeThatIsNotATimeIsAnInputErrorWithTheFolderUnchanged() throws Exception {
        Path config = CliRuns.arena(dir, "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n");
        Path run = dir.resolve("run");
        CliRuns.Result first = CliRuns.cli("run", config.toString(), "--quiet", "--limit", "2", "--run-dir", run.toString());
        assertTrue(List.of(0, 1, 3).contains(first.exit()), first.err());
        Path manifest = run.resolve("manifest.json");
        List<String> lines = Files.readAllLines(manifest);
        int line = 0;
        for (int i = 0; i < lines.size() && line == 0; i++) {
            if (lines.get(i).contains("\"startedAt\"")) line = i + 1;
        }
        assertTrue(line > 0, "the manifest says when the run started");
        lines.set(line - 1, lines.get(line - 1).replaceFirst(":\\s*\"[^\"]*\"", ": \"yesterday\""));
        Files.write(manifest, lines);
        // The run that wrote .lock ran in this process: an ended process's pid there shows a rewrite with this one's.
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Files.writeString(run.resolve(".lock"), ended.pid() + "\n");
        Map<String, String> before = contents(run);

        CliRuns.Result resumed = CliRuns.cli("run", "--resume", run.toString(), "--quiet");

        assertEquals(2, resumed.exit(), resumed.err());
        List<String> errors = resumed.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(List.of("error: " + manifest + ":" + line + ": startedAt: 'yesterday' is not a UTC time such as 2026-01-31T12:00:00Z;"
                + " put back the value the run wrote, or start a new run folder"), errors, resumed.err());
        assertFalse(resumed.err().contains("Exception") || resumed.err().contains("java.") || resumed.err().contains("\tat "), resumed.err());
        assertEquals(before, contents(run), "the run folder is left as it was");
    }

    private static Map<String, String> contents(Path folder) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                out.put(p.getFileName().toString(), Files.isDirectory(p) ? "folder" : new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
