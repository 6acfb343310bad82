package dev.promptarena.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.report.ReportFixtures;
import dev.promptarena.report.ReportModel;
import dev.promptarena.stats.Evidence;
import dev.promptarena.stats.Interval;
import dev.promptarena.stats.JudgePanelResult;
import dev.promptarena.stats.JudgeResult;
import dev.promptarena.stats.OrderBiasResult;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * report.html's judges table shows, beside each judge's first-slot share, the p its "(significant)" label is decided
 * on: the Holm-adjusted one, named as such with its family. Without it a share of 80% shown without the label (raw p
 * 0.035, adjusted 0.105) read as a contradiction, as the order panel did before s14.
 */
class JudgesTableOrderPTest {
    private static final ReportModel BASE = ReportFixtures.hostile(20);

    @Test
    void eachJudgeShowsTheHolmAdjustedPItsLabelFollows() {
        // 12 of 15 decisive votes for the first slot: exact binomial p = 0.0352 (R: binom.test(12, 15)$p.value), times 3
        // by Holm when it is the smallest of three tests (golden-main/panel's `biased`).
        Document doc = render(List.of(judge("biased", order(0.03515625, 0.10546875, false)), judge("steady", order(0.0001, 0.0003, true)),
                judge("other", order(0.9, 0.9, false))));

        assertEquals("Holm-adjusted order p", header(doc, 4));
        Element biased = row(doc, "biased");
        assertEquals("80.0%", biased.child(3).text());
        assertEquals("0.105", biased.child(4).text());
        Element steady = row(doc, "steady");
        assertEquals("80.0% (significant)", steady.child(3).text());
        assertEquals("0.000300", steady.child(4).text());
        String note = doc.select("#judges p.muted").text();
        assertTrue(note.contains("Holm-adjusted over the panel's judges"), note);
        assertTrue(note.contains("(significant)"), note);
    }

    @Test
    void aLoneJudgesFamilyIsTheRunsExploratoryChecks() {
        Document doc = render(List.of(judge("only", order(0.03515625, 0.0703125, false))));

        assertEquals("0.0703", row(doc, "only").child(4).text());
        assertTrue(doc.select("#judges p.muted").text().contains("Holm-adjusted over the run's exploratory checks"));
    }

    @Test
    void aJudgeWithoutAnOrderTestShowsADashAndNoNote() {
        Document doc = render(List.of(judge("reference", order(1.0, null, false))));

        assertEquals("—", row(doc, "reference").child(4).text());
        assertFalse(doc.select("#judges").text().contains("Holm-adjusted over"), "no family named without an adjusted p");
    }

    @Test
    void aJudgeIdIsEscapedInTheTable() {
        String html = new HtmlReport().render(model(List.of(judge("<img src=x onerror=alert(1)>", order(0.5, 0.5, false)))));

        assertFalse(html.contains("<img src=x"), "judge id escaped");
        assertEquals("0.500", row(Jsoup.parse(html), "<img src=x onerror=alert(1)>").child(4).text());
    }

    private static String header(Document doc, int column) {
        return doc.select("#judges table thead th").get(column).text();
    }

    private static Element row(Document doc, String judge) {
        return doc.select("#judges table tbody tr").stream().filter(r -> r.child(0).text().equals(judge)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + judge));
    }

    private static JudgeResult judge(String id, OrderBiasResult o) {
        return new JudgeResult(id, 16, 0, 0.0, 0, 16, 10, 4, 2, 0, 0.6875, new Interval(0.356, 0.898, 0.95, "wilson"), 1, null, 0, 0, o);
    }

    private static OrderBiasResult order(double p, Double adjusted, boolean significant) {
        return new OrderBiasResult(Evidence.EXPLORATORY, "randomized", 15, 12, 0.8, new Interval(0.548, 0.930, 0.95, "wilson"), p, adjusted,
                significant, 8, 0.75, 8, 0.5, 0, null, null, 0, 0, 0, null, null);
    }

    private static Document render(List<JudgeResult> judges) {
        return Jsoup.parse(new HtmlReport().render(model(judges)));
    }

    private static ReportModel model(List<JudgeResult> judges) {
        AnalysisResult a = BASE.analysis();
        JudgePanelResult panel = new JudgePanelResult(Evidence.EXPLORATORY, judges.stream().map(JudgeResult::judge).toList(), judges,
                null, null, 0, List.of(), List.of());
        AnalysisResult changed = new AnalysisResult(a.options(), a.axisNames(), a.winRate(), a.axes(), a.orderBias(), a.verbosity(),
                a.segments(), a.operations(), a.decision(), a.warnings(), a.checks(), a.similarity(), panel, a.sequential());
        return new ReportModel(BASE.schemaVersion(), BASE.manifest(), changed, BASE.cases());
    }
}
