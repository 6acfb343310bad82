package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code plan sequential}: the boundaries are GroupSequentialTest's (rpact); here the CLI's arithmetic and errors. */
class PlanSequentialTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new PlanCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new String[] {String.valueOf(cl.execute(args)), out.toString(), err.toString()};
    }

    @Test
    void jsonHasTheDesignAndItsSizes() throws Exception {
        String[] r = run("sequential", "--win-rate", "0.6", "--tie-rate", "0.2", "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode j = JSON.readTree(r[1]);
        // rpact asOF, kMax = 4, two-sided 0.05 (reference/sequential.R, OF4two)
        assertEquals(4.332634, j.get("efficacy").get(0).asDouble(), 2e-5);
        assertEquals(2.014090, j.get("efficacy").get(3).asDouble(), 2e-5);
        // fixed n = (z_.975 * sqrt(0.8/4) + z_.8 * sqrt(0.6*0.4 - 0.2/4))^2 / 0.1^2 = 154.60 -> 155 (reference/sequential.py)
        assertEquals(155, j.get("fixedCases").asInt());
        // max = ceil(1.019637 (rpact's inflation factor) * 154.60) = 158
        assertEquals(158, j.get("maxCases").asInt());
        assertEquals(1.019637, j.get("inflationFactor").asDouble(), 2e-5);
        // expected n under H1 = 0.838742 / 1.019637 of the maximum (rpact's ASN ratio over the inflation)
        assertEquals(158 * 0.838742 / 1.019637, j.get("expectedCasesAlternative").asDouble(), 0.01);
        assertEquals(158 * 1.013937 / 1.019637, j.get("expectedCasesNull").asDouble(), 0.01);
        assertEquals("[40,79,119,158]", j.get("lookCases").toString());
        assertEquals(0, j.get("futilityBounds").size());
        // The one-sided (PASS side) cumulative alpha spent, as manifest.json registers it: rpact's sided=1 values
        // (reference/sequential.R, OF4alpha sided1). It printed the two-sided values, ending at 0.05, under "alpha spent".
        assertTrue(j.get("alphaSpent") == null, r[1]);
        assertEquals(0.00152532, j.get("alphaSpentOneSided").get(1).asDouble(), 1e-8);
        assertEquals(0.025, j.get("alphaSpentOneSided").get(3).asDouble(), 1e-9);
    }

    @Test
    void theTextNamesTheSideOfTheAlphaSpent() {
        String[] r = run("sequential", "--win-rate", "0.6", "--tie-rate", "0.2", "--looks", "4");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("two-sided alpha 0.0500 (0.0250 per side)"), r[1]);
        assertTrue(r[1].contains("FAIL if Z <=  alpha spent (one-sided)"), r[1]);
        String last = r[1].lines().filter(l -> l.startsWith("     4     1.000")).findFirst().orElseThrow();
        assertTrue(last.endsWith(" 0.025000"), last);
        assertTrue(r[1].contains("alpha spent (one-sided): the chance, if B and A are equally good, of a PASS by that look (0.0250 at the last)"), r[1]);
    }

    @Test
    void textWithFutilityAndUnequalLooks() {
        String[] r = run("sequential", "--win-rate", "0.65", "--looks", "0.3,0.55,1", "--spending", "pocock", "--futility", "obrien_fleming");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("stop (futility) if Z <="), r[1]);
        assertTrue(r[1].contains("3 looks, pocock-type alpha spending"), r[1]);
        assertTrue(r[1].contains("if B is no better"), r[1]);
    }

    @Test
    void badDesignsAreUsageErrors() {
        for (String[] args : new String[][] {
                {"sequential", "--win-rate", "0.6", "--looks", "0.5,0.3"},
                {"sequential", "--win-rate", "0.6", "--looks", "a,b"},
                {"sequential", "--win-rate", "0.45"},
                {"sequential"}}) {
            String[] r = run(args);
            assertEquals("2", r[0], String.join(" ", args));
            assertTrue(r[2].startsWith("plan sequential: "), r[2]);
            assertFalse(r[2].contains("Exception"), r[2]);
        }
        // A spending function is an enum option: refused while parsing, naming the option, the choices and the value.
        String[] spending = run("sequential", "--win-rate", "0.6", "--spending", "linear");
        assertEquals("2", spending[0]);
        assertTrue(spending[2].startsWith("Invalid value for option '--spending': expected one of obrien_fleming, pocock, got 'linear'"), spending[2]);
        String[] futility = run("sequential", "--win-rate", "0.6", "--futility", "always");
        assertEquals("2", futility[0]);
        assertTrue(futility[2].startsWith("Invalid value for option '--futility': expected one of none, obrien_fleming, pocock, got 'always'"), futility[2]);
    }
}
