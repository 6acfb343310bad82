package dev.promptarena.report.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.report.CaseFacts;
import dev.promptarena.report.ReportFixtures;
import dev.promptarena.report.ReportModel;
import dev.promptarena.stats.Verdict;
import dev.promptarena.stats.Winner;
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

    /** Bidirectional overrides would make a table cell display in another order than it holds ("Trojan Source"). */
    @Test
    void bidirectionalControlsAreRemoved() {
        assertEquals("B wins: yes", MarkdownText.escape("B wins: \u202Eyes\u202C"));
        assertEquals("isolated", MarkdownText.escape("\u2067isolated\u2069"));
    }

    /**
     * Text GitHub would make live when summary.md is posted (cmark-gfm autolinks, @-mentions, issue references): each
     * keeps its visible characters but gets a zero-width space where the pattern needs a plain character.
     */
    @Test
    void linksMentionsAndIssueReferencesStayPlainText() {
        String z = MarkdownText.BREAK;
        assertEquals("see https:" + z + "//evil.example/x, HTTP:" + z + "//X.example and ftp:" + z + "//f.example",
                MarkdownText.escape("see https://evil.example/x, HTTP://X.example and ftp://f.example"));
        assertEquals("visit www" + z + ".evil.example or (WWW" + z + ".x.example)", MarkdownText.escape("visit www.evil.example or (WWW.x.example)"));
        assertEquals("mail a.b@" + z + "evil.example, ping @" + z + "org/team", MarkdownText.escape("mail a.b@evil.example, ping @org/team"));
        assertEquals("fixes #" + z + "123 and GH" + z + "-7 and gh" + z + "-8, not #a or GH-x", MarkdownText.escape("fixes #123 and GH-7 and gh-8, not #a or GH-x"));
        assertEquals("\\#" + z + "1 at the start", MarkdownText.escape("#1 at the start"));
        assertEquals("red text, no title", MarkdownText.escape("red\u001B[31m text,\u001B]0;pwned\u0007 no\u0000 title\u009B"),
                "terminal sequences and control characters removed: `cat summary.md` must not replay them");
        assertEquals("one two three four", MarkdownText.escape("one\r\ntwo\u000Bthree\u0085four"));
    }

    @Test
    void everyUntrustedFieldOfSummaryMdIsInert() {
        String hostile = "https://evil.example/a www.evil.example a@evil.example @someone #42 GH-9 | <img src=x> [x](y) `c`\n"
                + "next line \u001B[2J\u001B]0;title\u0007";
        List<dev.promptarena.run.CaseRecord> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            dev.promptarena.stats.Side a = new dev.promptarena.stats.Side("A " + hostile, 100, 0.001, 5, false, null, false);
            boolean bFails = i == 11;
            dev.promptarena.stats.Side b = new dev.promptarena.stats.Side(bFails ? "" : "B " + hostile, 100, 0.001, 5, bFails,
                    bFails ? "HTTP 400: " + hostile : null, false);
            // B loses every judged case: the worst regressions list the case ids and the judge's reasons.
            dev.promptarena.judge.JudgeTrace t = new dev.promptarena.judge.JudgeTrace("j", 0, i % 2 == 0, dev.promptarena.judge.JudgeStatus.OK,
                    Winner.A, java.util.Map.of("Clarity", 5), java.util.Map.of("Clarity", 1), "reason " + hostile, "{}", false, null, 0, false);
            cases.add(new dev.promptarena.run.CaseRecord("case-" + i + " " + hostile, 0, java.util.Map.of("topic", hostile), "Q " + hostile,
                    a, b, bFails ? List.of() : List.of(t)));
        }
        String out = MarkdownSummary.render(ReportFixtures.model(cases, List.of("Clarity"), "arena " + hostile, true,
                dev.promptarena.stats.ClusterBootstrap.MIN_RESAMPLES));
        assertTrue(out.contains("B: 1 failed generation (HTTP 400: https:"), "the generation failure is listed with its reason: " + out);
        assertTrue(out.contains("| case-0 https:"), "the case ids are listed: " + out);
        for (String live : List.of("://", "www.", "@evil", "@someone", "#42", "GH-9", "<img", "[x](y)", " `c`", "\u001B", "\u0007")) {
            assertFalse(out.contains(live), "'" + live + "' left live in:\n" + out);
        }
        assertFalse(out.contains("| next line"), "a newline in a case id ended a table row");
        everyTableRowHasItsHeadersColumnCount(out);
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
        everyTableRowHasItsHeadersColumnCount(md);
    }

    private static void everyTableRowHasItsHeadersColumnCount(String md) {
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
