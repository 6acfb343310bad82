package dev.promptarena.report.html;

import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.decision.GuardrailSpec;
import dev.promptarena.report.Fmt;
import dev.promptarena.stats.CheckSummary;

/**
 * One rubric check: pass rates of A and B, the discordant pairs and the McNemar p-value.
 *
 * @param name      check name
 * @param pairs     pairs counted
 * @param passRateA A's pass rate
 * @param passRateB B's pass rate
 * @param diff      B minus A, in percentage points
 * @param worse     B passes less often than A
 * @param aOnly     pairs only A passed
 * @param bOnly     pairs only B passed
 * @param p         McNemar p-value
 * @param test      exact or clustered McNemar
 * @param role      primary when a guardrail uses the check, else exploratory
 * @param barA      width of A's pass-rate bar (0-100)
 * @param barB      width of B's pass-rate bar (0-100)
 */
public record CheckRowView(String name, int pairs, String passRateA, String passRateB, String diff, boolean worse, int aOnly,
                           int bOnly, String p, String test, String role, String barA, String barB) {
    static CheckRowView of(CheckSummary c, AnalysisResult a) {
        boolean guarded = a.options().policy().guardrails().stream()
                .anyMatch(g -> g.metric().equals(GuardrailSpec.CHECK_PASS_DROP) && c.name().equals(g.check()));
        double ra = c.passRateA();
        double rb = c.passRateB();
        return new CheckRowView(c.name(), c.pairs(), Fmt.pct(nan(ra)), Fmt.pct(nan(rb)), Fmt.signed(nan(100 * c.difference()), 1) + " pp",
                c.difference() < 0, c.aOnly(), c.bOnly(), Fmt.p(c.pValue()), c.clustered() ? "clustered McNemar" : "exact McNemar",
                guarded ? "primary" : "exploratory", bar(ra), bar(rb));
    }

    private static Double nan(double v) { return Double.isNaN(v) ? null : v; }

    private static String bar(double rate) { return Double.isNaN(rate) ? "0" : String.format(java.util.Locale.ROOT, "%.1f", 100 * rate); }
}
