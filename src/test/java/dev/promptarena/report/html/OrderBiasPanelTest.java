package dev.promptarena.report.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.report.ReportFixtures;
import dev.promptarena.report.ReportModel;
import dev.promptarena.stats.Evidence;
import dev.promptarena.stats.Interval;
import dev.promptarena.stats.OrderBiasResult;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * report.html's order-bias panel names the Holm-adjusted p beside the raw one: "significant" follows the adjusted p
 * (s14-alarms), so without it a raw p below 0.05 shown without the label looked like a contradiction.
 */
class OrderBiasPanelTest {
    private static final ReportModel BASE = ReportFixtures.hostile(20);

    @Test
    void aRawPBelowAlphaThatHolmLiftsAboveItShowsBothAndNoLabel() {
        // 12 of 15 decisive votes for the first slot: exact binomial p = 0.0352 (R: binom.test(12, 15)$p.value), times 3
        // by Holm when it is the smallest of three tests.
        String line = firstSlotLine(order(0.03515625, 0.10546875, false));

        assertTrue(line.contains("p = 0.0352, Holm-adjusted p = 0.105"), line);
        assertFalse(line.contains("significant"), line);
    }

    @Test
    void aSignificantOrderTestShowsTheAdjustedPItWasCalledOn() {
        String line = firstSlotLine(order(0.001, 0.003, true));

        assertTrue(line.endsWith("p = 0.00100, Holm-adjusted p = 0.00300, significant"), line);
    }

    @Test
    void withoutAnAdjustedPOnlyTheRawPIsShown() {
        String html = render(order(1.0, null, false));
        String line = Jsoup.parse(html).select("#order-bias p .muted").first().text();

        assertTrue(line.endsWith("p = 1.00"), line);
        assertFalse(html.contains("Holm-adjusted p"), "no adjusted p named when there is none");
    }

    private static String firstSlotLine(OrderBiasResult o) {
        var doc = Jsoup.parse(render(o));
        assertTrue(doc.select("#order-bias").text().contains("Significance reads the Holm-adjusted p"), "the label's rule is stated");
        return doc.select("#order-bias p .muted").first().text();
    }

    private static OrderBiasResult order(double p, Double adjusted, boolean significant) {
        return new OrderBiasResult(Evidence.EXPLORATORY, "randomized", 15, 12, 0.8, new Interval(0.548, 0.930, 0.95, "wilson"), p, adjusted,
                significant, 8, 0.75, 8, 0.5, 0, null, null, 0, 0, 0, null, null);
    }

    private static String render(OrderBiasResult o) {
        AnalysisResult a = BASE.analysis();
        AnalysisResult changed = new AnalysisResult(a.options(), a.axisNames(), a.winRate(), a.axes(), o, a.verbosity(), a.segments(),
                a.operations(), a.decision(), a.warnings(), a.checks(), a.similarity(), a.judgePanel(), a.sequential());
        ReportModel m = new ReportModel(BASE.schemaVersion(), BASE.manifest(), changed, BASE.cases());
        return new HtmlReport().render(m);
    }
}
