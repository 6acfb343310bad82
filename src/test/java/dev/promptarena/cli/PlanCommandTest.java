package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.input.InputException;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.Side;
import dev.promptarena.stats.Vote;
import dev.promptarena.stats.Winner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new PlanCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void proportionsReproducesTheBackgroundDoc() throws Exception {
        Run r = run("proportions", "--baseline", "0.60", "--mde", "0.05");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("1,471 per arm, 2,942 in total"), r.out());
        JsonNode j = JSON.readTree(run("proportions", "--baseline", "0.60", "--mde", "0.02", "--json").out());
        assertEquals(18672, j.get("total").asInt()); // required_sample_size(0.60, 0.02) in reference/primitives.py
    }

    @Test
    void winRateAndMde() throws Exception {
        JsonNode j = JSON.readTree(run("winrate", "--win-rate", "0.6", "--tie-rate", "0.2", "--json").out());
        assertEquals(155, j.get("cases").asInt()); // tie-aware win-rate formula in reference/primitives.py: 154.599 -> 155
        JsonNode m = JSON.readTree(run("mde", "--n", "194", "--json").out());
        assertEquals(0.1, m.get("mde").asDouble(), 5e-4); // 194 cases detect 0.6 vs 0.5 (193.85 needed)
    }

    @Test
    void pairedFromPilot(@TempDir Path dir) throws Exception {
        int[] diffs = {1, 0, 2, 1, -1, 1, 0, 1, 2, 1};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < diffs.length; i++) {
            Side side = new Side("text", 10, 0, 1, false, null, false);
            Vote v = new Vote("j", 0, true, Winner.B, Map.of("accuracy", 2), Map.of("accuracy", 2 + diffs[i]));
            lines.add(JSON.writeValueAsString(new CaseOutcome("c" + i, 0, Map.of(), side, side, List.of(v), 0)));
        }
        Files.write(dir.resolve("outcomes.jsonl"), lines);
        JsonNode j = JSON.readTree(run("paired", "--pilot", dir.toString(), "--mde", "0.5", "--json").out());
        assertEquals(0.9189365834726815, j.get("sd").asDouble(), 1e-12); // np.std(d, ddof=1), reference/plan.py
        assertEquals(0.8, j.get("pilotMeanDifference").asDouble(), 1e-12);
        assertEquals(29, j.get("cases").asInt());                         // 28.43 -> 29, reference/plan.py
        assertEquals("accuracy", j.get("axis").asText());
    }

    @Test
    void badPilotLineNamesTheLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("outcomes.jsonl"), "\n{\"caseId\": \"x\", \"repeat\": \"seven\"}\n");
        PlanCommand cmd = new PlanCommand();
        new CommandLine(cmd).parseArgs("paired", "--pilot", dir.toString(), "--mde", "0.5");
        InputException e = assertThrows(InputException.class, cmd::call);
        assertEquals(2, e.line());
        assertEquals("repeat", e.field());
    }

    @Test
    void missingOptionIsAUsageError() {
        Run r = run("winrate");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--win-rate"), r.err());
        assertEquals(2, run("proportions", "--baseline", "1.5", "--mde", "0.05").exit());
    }

    @Test
    void notANumberIsAUsageErrorNotAPlanOfZeroCases() {
        // Both printed "0 judged cases" / "0 cases" and exited 0: NaN slipped past the range checks.
        Run w = run("winrate", "--win-rate", "NaN");
        assertEquals(2, w.exit(), w.out());
        assertTrue(w.err().contains("--win-rate must be in [0, 1] with --tie-rate 0 (ties count half a win), got: NaN"), w.err());
        Run t = run("tournament", "--scores", "NaN,1,2");
        assertEquals(2, t.exit(), t.out());
        assertTrue(t.err().contains("--scores must be finite numbers, got: NaN"), t.err());
    }

    @Test
    void aPlanTooLargeToCountIsRefusedWithItsTrueSizeNotClampedTo2147483647() {
        // Each printed 2,147,483,647 (proportions: "-2 in total") and exited 0: (int) Math.ceil clamps a larger double.
        Map<List<String>, String> cases = Map.of(
                List.of("winrate", "--win-rate", "0.5000001"), "plan winrate: needs about 1.96e+14 judged cases, more than 2,147,483,647",
                List.of("proportions", "--baseline", "0.5", "--mde", "0.00003"), "plan proportions: needs about 4.36e+09 cases per arm",
                List.of("proportions", "--baseline", "0.5", "--mde", "0.0000455"), "plan proportions: needs about 3.79e+09 cases in total",
                List.of("paired", "--sd", "1", "--mde", "0.00001"), "plan paired: needs about 7.85e+10 pairs",
                List.of("sequential", "--win-rate", "0.5000001"), "plan sequential: needs about 2.00e+14 judged cases at the last look",
                List.of("tournament", "--scores", "0,0.000001"), "plan tournament: needs about 3.14e+13 cases");
        cases.forEach((args, message) -> {
            Run r = run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r.out());
            assertEquals("", r.out(), args.toString());
            assertTrue(r.err().startsWith(message), r.err());
            assertTrue(r.err().contains("the effect is too small to detect with any golden set; plan for a larger effect"), r.err());
        });
    }
}
