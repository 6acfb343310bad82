package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code plan tournament}; the numbers are TournamentPlanTest's (statsmodels reference in reference/bradley_terry.py). */
class PlanTournamentCommandTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new PlanCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new String[] {String.valueOf(cl.execute(args)), out.toString(), err.toString()};
    }

    @Test
    void casesAndCallsForFourVariants() throws Exception {
        String[] r = run("tournament", "--scores", "0,0.2,0.4,0.6", "--position", "0.3", "--tie-rate", "0.2", "--n", "100", "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(r[1]);
        assertEquals(784, j.get("cases").asInt()); // max ceil(z^2 var / 0.2^2) in bradley_terry.py part 5
        assertEquals(784 * 6, j.get("judgeCalls").asLong());
        assertEquals(784 * 4, j.get("generationCalls").asLong());
        assertEquals("round_robin", j.get("schedule").asText());
        assertEquals(0.890605, j.get("bestRateAtN").asDouble(), 0.003); // multivariate_normal Monte Carlo at 100 cases
        String text = run("tournament", "--scores", "0,0.2,0.4,0.6", "--position", "0.3", "--tie-rate", "0.2", "--schedule", "vs_control")[1];
        assertTrue(text.contains("vs_control, 3 pairs per case"), text);
    }

    @Test
    void adaptivePlansStageOneAndPrintsTheAdaptiveBudgetApart() throws Exception {
        String[] r = run("tournament", "--scores", "0,0.2,0.4,0.6", "--position", "0.3", "--tie-rate", "0.2", "--schedule", "adaptive", "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(r[1]);
        // tournament_plan_adaptive.py: stage one needs 1260 cases, 3 x 1260 + 3 x 630 judge calls; default extra_pairs 945
        assertEquals(1260, j.get("cases").asInt());
        assertEquals(5670, j.get("judgeCalls").asLong());
        assertEquals(1260 * 4, j.get("generationCalls").asLong());
        assertEquals(630, j.get("adaptive").get("firstPassCases").asInt());
        assertEquals(945, j.get("adaptive").get("extraJudgeCalls").asLong());
        String text = run("tournament", "--scores", "0,0.2,0.4,0.6", "--position", "0.3", "--tie-rate", "0.2", "--schedule", "adaptive")[1];
        assertTrue(text.contains("stage one (what the ranking and the gate use) 5,670 judge calls"), text);
        assertTrue(text.contains("Adaptive budget (stage two, exploratory, not counted above): 945 more judge calls"), text);
        assertTrue(!run("tournament", "--scores", "0,0.2", "--json")[1].contains("adaptive"), "fixed schedules have no adaptive block");
    }

    @Test
    void badInputIsAUsageError() {
        String[] missing = run("tournament");
        assertEquals("2", missing[0]);
        assertTrue(missing[2].contains("--scores"), missing[2]);
        String[] equal = run("tournament", "--scores", "0,0.2,0.2");
        assertEquals("2", equal[0]);
        assertTrue(equal[2].contains("equal scores"), equal[2]);
        String[] schedule = run("tournament", "--scores", "0,0.2", "--schedule", "swiss");
        assertEquals("2", schedule[0]);
        assertTrue(schedule[2].contains("round_robin"), schedule[2]);
    }
}
