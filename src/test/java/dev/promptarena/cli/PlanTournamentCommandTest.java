package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
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

    /** The error line of a refused plan: exit 2, one line, no exception class. */
    private static String refused(String... args) {
        String[] r = run(args);
        assertEquals("2", r[0], r[1] + r[2]);
        String first = r[2].lines().findFirst().orElse("");
        assertTrue(!r[2].contains("Exception") && !r[2].contains("\tat "), r[2]);
        return first;
    }

    @Test
    void scoresSoFarApartThatEveryGameIsCertainNameTheOptionAndTheVariants() {
        // Was "plan tournament: matrix is singular" (0,1e308 and 0,30) and, for 1e308,-1e308 (a gap that overflows), a plan of 0 cases.
        for (String scores : List.of("0,1e308", "0,30", "0,0.1,40", "1e308,-1e308")) {
            String e = refused("tournament", "--scores", scores);
            assertTrue(e.contains("--scores: variants "), scores + ": " + e);
            assertTrue(e.contains("within 20"), e);
            assertTrue(!e.contains("singular"), e);
        }
        assertTrue(refused("tournament", "--scores", "0,0.1,40").contains("variants 2 (40) and 0 (0) are 40.00 apart"));
        // The first-slot advantage adds to a game's log-odds.
        assertTrue(refused("tournament", "--scores", "0,15", "--position", "6").contains("and --position adds 6"));
        assertTrue(refused("tournament", "--scores", "0,0.2", "--position", "1e308").contains("plan tournament: --position 1.0E308: the variant shown first"));
        // The widest plannable gap still plans (9,520,011 cases: the model's answer, not an error).
        assertEquals("0", run("tournament", "--scores", "0,20")[0]);
    }

    @Test
    void degenerateValuesAreRefusedNamingTheOption() {
        // NaN position planned 0 cases with P(best) 0.000.
        assertTrue(refused("tournament", "--scores", "0,0.2", "--position", "NaN").contains("--position must be a finite number"));
        assertTrue(refused("tournament", "--scores", "0,NaN").contains("--scores must be finite numbers"));
        assertTrue(refused("tournament", "--scores", "0,Infinity").contains("--scores must be finite numbers"));
        assertTrue(refused("tournament", "--scores", "0").contains("at least two"));
        // An effect too small for a double: was "needs about Infinity cases".
        String tiny = refused("tournament", "--scores", "0,1e-300");
        assertTrue(tiny.contains("needs more cases than any count") && !tiny.contains("Infinity"), tiny);
        // Negative scores are scores below the control's: a plan, not an error.
        assertEquals("0", run("tournament", "--scores", "0,-0.5")[0]);
    }

    @Test
    void scoresGivenTwiceIsRefusedInsteadOfJoined() {
        // Joined, the two lists planned four variants and then complained that variants 0 and 2 have equal scores.
        String e = refused("tournament", "--scores", "0,0.1", "--scores", "0,0.2");
        assertTrue(e.contains("option '--scores' should be specified only once") && e.contains("0,0.1 and 0,0.2"), e);
    }
}
