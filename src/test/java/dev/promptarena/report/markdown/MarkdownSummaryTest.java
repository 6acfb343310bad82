package dev.promptarena.report.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.report.CaseFacts;
import dev.promptarena.report.ReportFixtures;
import dev.promptarena.report.ReportModel;
import dev.promptarena.stats.Verdict;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSummaryTest {
    private static final ReportModel HOSTILE = ReportFixtures.hostile(60);
    private final String md = MarkdownSummary.render(HOSTILE);

    @Test
    void escapesMarkdownAndHtmlInUntrustedText() {
        assertEquals("a \\| b &lt;script&gt; \\`x\\` \\[l\\](javascript:1) @\u200Bteam \\*b\\* x y",
                MarkdownText.escape("a | b <script> `x` [l](javascript:1) @team *b* x\ny"));
        assertEquals("\\# not a heading", MarkdownText.escape("# not a heading"));
        assertEquals("\\- not a list - but a dash", MarkdownText.escape("- not a list - but a dash"));
        assertEquals("abcd…", MarkdownText.escape("abcdefgh", 5));
    }

    @Test
    void noRawHtmlOrCodeSpanFromTheModelSurvives() {
        assertFalse(md.contains("<script"), md);
        assertFalse(md.contains("<img"), md);
        assertFalse(md.contains("<a href"), md);
        assertFalse(md.contains("@team"), "no @-mention");
        // Backticks appear only around our own guardrail names, never unescaped from model text.
        assertFalse(md.contains(" `code`"), md);
        assertTrue(md.contains("candidate &lt;a href=&quot;javascript:alert(1)&quot;&gt;click me&lt;/a&gt;"), "payload kept as escaped text");
    }

    /** Nothing scored (B failed on every case): the line states no rate instead of "— — (, ties count half…" (QA, eleventh session). */
    @Test
    void nothingScoredStatesNoRateAndNoEmptyInterval() {
        List<dev.promptarena.run.CaseRecord> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            dev.promptarena.stats.Side ok = new dev.promptarena.stats.Side("an answer", 100, 0.001, 5, false, null, false);
            dev.promptarena.stats.Side failed = new dev.promptarena.stats.Side("", 100, 0.0, 0, true, "HTTP 500", false);
            cases.add(new dev.promptarena.run.CaseRecord("case-" + i, 0, java.util.Map.of(), "Question " + i, ok, failed, List.of()));
        }
        String none = MarkdownSummary.render(ReportFixtures.model(cases, List.of("Clarity"), "arena", false,
                dev.promptarena.stats.ClusterBootstrap.MIN_RESAMPLES));
        String line = none.lines().filter(l -> l.startsWith("**B's win rate")).findFirst().orElseThrow();
        assertTrue(line.startsWith("**B's win rate: none** (nothing scored) — B won 0, lost 0"), line);
        assertFalse(line.contains("(,"), line);
    }

    @Test
    void everyTableRowHasItsHeadersColumnCount() {
        List<String> lines = Arrays.asList(md.split("\n"));
        int columns = -1;
        for (String line : lines) {
            if (!line.startsWith("|")) { columns = -1; continue; }
            int cells = cells(line);
            if (columns < 0) columns = cells;
            assertEquals(columns, cells, "an unescaped | split a cell: " + line);
        }
    }

    @Test
    void listsTheFiveWorstLossesByAxisDrop() {
        List<String> axes = HOSTILE.manifest().axes();
        List<CaseFacts> expected = HOSTILE.cases().stream().map(c -> CaseFacts.of(c, axes)).filter(f -> f.verdict() == Verdict.A)
                .sorted(CaseFacts.WORST_FIRST).limit(5).toList();
        assertEquals(5, expected.size(), "fixture has at least five losses");
        String section = md.substring(md.indexOf("### Worst regressions"));
        int last = -1;
        for (CaseFacts f : expected) {
            int at = section.indexOf("| " + MarkdownText.escape(f.record().caseId()) + " |");
            assertTrue(at > last, "in worst-first order: " + f.record().caseId());
            last = at;
        }
        for (int i = 1; i < expected.size(); i++) assertTrue(expected.get(i - 1).worstDrop() >= expected.get(i).worstDrop());
    }

    @Test
    void statesDecisionWinRateAndGuardrails() {
        String outcome = HOSTILE.analysis().decision().outcome().name();
        assertTrue(md.startsWith("## "), md);
        assertTrue(md.contains("**Decision: " + outcome + "**"), md);
        assertTrue(md.contains("**B's win rate: "), md);
        assertTrue(md.contains("| `error_rate_max` |"), md);
        assertTrue(md.contains("### Axes (exploratory)"), md);
    }

    /** Cells of a table row, not counting escaped pipes. */
    private static int cells(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) if (line.charAt(i) == '|' && (i == 0 || line.charAt(i - 1) != '\\')) n++;
        return n - 1;
    }
}
