package dev.promptarena.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composite action: its gate script run as GitHub would run it (outputs file, job summary), with the CLI on
 * the test classpath as the launcher, and action.yml's wiring of inputs, outputs and the exit code.
 */
class ActionGateTest {
    @TempDir Path dir;

    private Map<String, String> gate(String config, String args) throws IOException, InterruptedException {
        Path launcher = dir.resolve("launcher.sh");
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec \"" + Path.of(System.getProperty("java.home"), "bin", "java") + "\" -cp '"
                + System.getProperty("java.class.path") + "' dev.promptarena.cli.Main \"$@\"\n");
        launcher.toFile().setExecutable(true);
        Path outputs = dir.resolve("outputs.txt"), summary = dir.resolve("summary.txt");
        ProcessBuilder pb = new ProcessBuilder("bash", "bin/action-gate.sh").redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile());
        pb.environment().putAll(Map.of("PA_CONFIG", config, "PA_ARGS", args, "PA_OUT", dir.resolve("arena-out").toString(),
                "PA_LAUNCHER", launcher.toString(), "GITHUB_OUTPUT", outputs.toString(), "GITHUB_STEP_SUMMARY", summary.toString(),
                "PROMPT_ARENA_CACHE_DIR", dir.resolve("cache").toString()));
        assertEquals(0, pb.start().waitFor(), Files.readString(dir.resolve("log.txt")));
        Map<String, String> out = new java.util.HashMap<>();
        for (String line : Files.readAllLines(outputs)) out.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        out.put("summary", Files.readString(summary));
        Files.delete(outputs);
        Files.delete(summary);
        return out;
    }

    @Test
    void gateScriptWritesOutputsAndTheJobSummary() throws Exception {
        Map<String, String> pass = gate("examples/support-bot.arena.yaml", "-q");
        assertEquals("0", pass.get("exit-code"));
        assertEquals("PASS", pass.get("decision"));
        Path runDir = Path.of(pass.get("run-dir"));
        assertTrue(Files.isRegularFile(runDir.resolve("report.html")), runDir.toString());
        assertEquals(Files.readString(runDir.resolve("summary.md")), pass.get("summary"));

        Map<String, String> bad = gate("examples/missing.arena.yaml", "");
        assertEquals("2", bad.get("exit-code"));
        assertEquals("INPUT_ERROR", bad.get("decision"));
        assertEquals("", bad.get("run-dir"));
        assertTrue(bad.get("summary").contains("no summary (INPUT_ERROR, exit 2)"), bad.get("summary"));
    }

    @Test
    void actionYmlPassesInputsAsEnvironmentAndTheExitCodeThrough() throws IOException {
        JsonNode action = new YAMLMapper().readTree(new File("action.yml"));
        assertEquals("composite", action.at("/runs/using").asText());
        List<String> steps = new ArrayList<>();
        action.at("/runs/steps").forEach(s -> steps.add(s.has("uses") ? s.get("uses").asText() : s.get("name").asText()));
        assertEquals(List.of("actions/setup-java@v4", "Build prompt-arena", "Run the gate", "actions/upload-artifact@v4",
                "Pass the gate's exit code through"), steps);
        JsonNode gate = action.at("/runs/steps/2");
        assertEquals("gate", gate.get("id").asText());
        assertTrue(gate.get("run").asText().contains("bin/action-gate.sh"));
        assertTrue(!gate.get("run").asText().contains("${{"), "inputs must not be pasted into the script");
        assertEquals("${{ inputs.config }}", gate.at("/env/PA_CONFIG").asText());
        assertEquals("always() && inputs.upload-report == 'true' && steps.gate.outputs.run-dir != ''", action.at("/runs/steps/3/if").asText());
        assertEquals("exit \"${CODE:-2}\"", action.at("/runs/steps/4/run").asText());
        assertEquals("${{ steps.gate.outputs.exit-code }}", action.at("/runs/steps/4/env/CODE").asText());
        for (String o : List.of("exit-code", "decision", "run-dir")) assertEquals("${{ steps.gate.outputs." + o + " }}", action.at("/outputs/" + o + "/value").asText());
    }
}
