package dev.promptarena.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.report.ReportFixtures;
import dev.promptarena.report.ReportModel;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** report.html keeps hostile text inert and is self-contained. */
class HtmlReportTest {
    private static final ReportModel HOSTILE = ReportFixtures.hostile(60);

    private final String html = new HtmlReport().render(HOSTILE);
    private final Document doc = Jsoup.parse(html);

    @Test
    void onlyTheReportsOwnScriptsExist() {
        List<String> kinds = new ArrayList<>();
        for (Element s : doc.select("script")) kinds.add(s.attr("type") + "#" + s.id());
        assertEquals(List.of("application/json#case-data", "application/json#axis-names", "#"), kinds);
        // The executable script is the one shipped in the jar, byte for byte.
        assertTrue(doc.select("script:not([type])").first().data().startsWith("/* prompt-arena report"));
    }

    @Test
    void noInjectedElementOrHandlerOrJavascriptLink() {
        assertTrue(doc.select("img, iframe, object, embed, textarea, b").isEmpty(), "injected elements");
        assertTrue(doc.select("a[href^=javascript], [href*=javascript:]").isEmpty(), "javascript: links");
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> assertFalse(a.getKey().startsWith("on"), "event handler " + a + " on " + e.tagName()));
        }
        assertTrue(doc.select("svg[onload]").isEmpty());
    }

    @Test
    void hostileTextIsShownAsText() {
        String text = doc.text();
        assertTrue(text.contains("arena <script>alert(1)</script>"), "arena name as text");
        assertTrue(text.contains("candidate <a href=\"javascript:alert(1)\">click me</a>"), "variant name as text");
        assertTrue(text.contains("Accuracy <b>bold</b>"), "axis name as text");
        assertTrue(text.contains("category = <script>alert(1)</script>"), "tag value as text in the forest plot");
        assertTrue(html.contains("&lt;img src"), "escaped in the source");
        assertFalse(html.contains("<img"), "no raw img tag anywhere");
    }

    @Test
    void embeddedJsonCannotEndItsScriptElementYetRoundTrips() throws Exception {
        Element data = doc.getElementById("case-data");
        assertNotNull(data);
        String raw = data.data();
        for (String forbidden : List.of("<", ">", "&", "\u2028", "\u2029")) assertFalse(raw.contains(forbidden), forbidden);
        JsonNode cases = new ObjectMapper().readTree(raw);
        assertEquals(HOSTILE.cases().size(), cases.size());
        List<String> texts = new ArrayList<>();
        cases.forEach(c -> { texts.add(c.get("q").asText()); texts.add(c.get("a").asText()); texts.add(c.get("b").asText()); });
        for (String p : ReportFixtures.PAYLOADS) assertTrue(texts.stream().anyMatch(t -> t.contains(p)), "payload survives intact: " + p);
    }

    @Test
    void worksOfflineWithNoExternalResource() {
        assertTrue(doc.select("link, [src]").isEmpty(), "no external stylesheet, script or image");
        String csp = doc.select("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertTrue(csp.startsWith("default-src 'none'"), csp);
        assertFalse(html.contains("http://") || html.contains("https://"), "no URL at all");
    }

    @Test
    void sectionsAndChartsArePresent() {
        assertEquals(HOSTILE.analysis().decision().outcome().name(), doc.getElementById("decision").attr("data-outcome"));
        for (String id : List.of("chart-winrate", "chart-order", "chart-slots", "chart-verbosity", "chart-forest")) {
            assertNotNull(doc.getElementById(id), id);
        }
        assertEquals(2, doc.select("table.axes svg.chart-diff").size(), "one difference chart per axis");
        assertEquals(2, doc.select("table.guardrails tbody tr").size());
        assertEquals(HOSTILE.analysis().segments().segments().size(), doc.select("#chart-forest g").size());
        assertTrue(doc.select("#partial-marker").isEmpty(), "a complete run has no partial marker");
    }

    @Test
    void partialRunIsMarked() {
        ReportModel partial = ReportFixtures.model(HOSTILE.cases(), HOSTILE.manifest().axes(), "arena", true, 2000);
        Document d = Jsoup.parse(new HtmlReport().render(partial));
        assertEquals("PARTIAL RUN", d.getElementById("partial-marker").text());
        assertTrue(d.select(".partial-reason").text().contains("interrupted"));
    }

    @Test
    void runWithNothingScoredStillRendersItsBannerAndNotes() {
        List<dev.promptarena.run.CaseRecord> failed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            dev.promptarena.stats.Side ok = new dev.promptarena.stats.Side("fine", 10, 0, 1, false, null, false);
            dev.promptarena.stats.Side err = new dev.promptarena.stats.Side("", 0, 0, 0, true, "timeout", false);
            failed.add(new dev.promptarena.run.CaseRecord("c" + i, 0, java.util.Map.of(), "q", ok, err, List.of()));
        }
        ReportModel m = ReportFixtures.model(failed, List.of("Clarity"), "broken", false, 2000);
        Document d = Jsoup.parse(new HtmlReport().render(m));
        assertEquals(m.analysis().decision().outcome().name(), d.getElementById("decision").attr("data-outcome"));
        assertTrue(d.getElementById("win-rate").text().contains("Nothing was scored"), d.getElementById("win-rate").text());
        assertTrue(d.select("table.axes circle").isEmpty(), "no marks without data");
        assertTrue(dev.promptarena.report.markdown.MarkdownSummary.render(m).contains("B lost no case."));
    }

    @Test
    void renderingIsDeterministic() {
        assertEquals(html, new HtmlReport().render(HOSTILE));
    }
}
