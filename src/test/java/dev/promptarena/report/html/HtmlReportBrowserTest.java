package dev.promptarena.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.cli.CliRunner;
import dev.promptarena.report.ReportFixtures;
import dev.promptarena.report.ReportModel;
import dev.promptarena.util.BidiControls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in a real headless browser: the page's script must run without a JavaScript
 * error, the decision banner and charts must be there, injected markup must not execute, and a
 * 10,000-case report must still render its first page. Saves target/report-screenshot.png.
 */
class HtmlReportBrowserTest {
    @TempDir Path tmp;

    @Test
    void bundledExampleRendersWithoutErrorsAndIsScreenshotted() throws Exception {
        Chromium chromium = Chromium.require();
        Path runDir = CliRunner.runExample(tmp.resolve("runs"));
        Path html = runDir.resolve("report.html");
        Document dom = Jsoup.parse(chromium.dumpDom(html, tmp));
        assertHealthy(dom);
        assertEquals("34", dom.selectFirst("html").attr("data-rows"), "first page of the 34-case example");
        for (String id : List.of("chart-winrate", "chart-order", "chart-verbosity", "chart-forest")) assertNotNull(dom.getElementById(id), id);
        assertFalse(dom.select("table.axes svg.chart-diff circle").isEmpty(), "axis chart has marks");

        Path png = Path.of("target", "report-screenshot.png");
        chromium.screenshot(html, png, tmp);
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertEquals("\u0089PNG", new String(head, 0, 4, StandardCharsets.ISO_8859_1), "a PNG was written to " + png);
    }

    @Test
    void injectedMarkupDoesNotExecuteInTheBrowser() throws Exception {
        Chromium chromium = Chromium.require();
        Path html = write(ReportFixtures.hostile(60));
        Document dom = Jsoup.parse(chromium.dumpDom(html, tmp));
        assertHealthy(dom);
        assertFalse(dom.selectFirst("html").hasAttr("data-pwned"), "a payload ran: " + dom.selectFirst("html").attr("data-pwned"));
        assertTrue(dom.select("#case-rows img, #case-rows script, #case-rows svg, #case-rows a").isEmpty(), "no element from case text");
        String rows = dom.getElementById("case-rows").text();
        assertTrue(rows.contains("<script>alert(1)</script>"), "payload rendered as visible text");
    }

    /**
     * An override or right-to-left letters in untrusted text must not reorder the trusted text next to it: the page
     * drops the bidi controls and gives every untrusted piece an element of its own that isolates it (a bdi, or a
     * block with dir=auto) and holds nothing else.
     */
    @Test
    void untrustedTextIsIsolatedAndLosesItsBidiControls() throws Exception {
        Chromium chromium = Chromium.require();
        Document dom = Jsoup.parse(chromium.dumpDom(write(ReportFixtures.bidiSpoof(6)), tmp));
        assertHealthy(dom);
        Element rows = dom.getElementById("case-rows");
        int untrusted = 0;
        for (Element e : rows.getAllElements()) {
            for (TextNode t : e.textNodes()) {
                String text = t.getWholeText();
                assertFalse(Pattern.compile(BidiControls.CLASS).matcher(text).find(), "bidi control shown in <" + e.tagName() + ">: " + text);
                if (!text.contains(ReportFixtures.SPOOF)) continue;
                untrusted++;
                boolean isolating = e.tagName().equals("bdi") || e.attr("dir").equals("auto");
                assertTrue(isolating && e.childNodeSize() == 1, "untrusted text not alone in an isolating element: " + e.outerHtml());
            }
        }
        // Per case: id, tag, question, two answers or an answer and its error, two axis names with scores, the
        // worst-axis drop, two judge names, a reason, a judge error, two axis names in the per-vote line.
        assertTrue(untrusted >= 6 * 14, "untrusted pieces seen: " + untrusted);
    }

    @Test
    void tenThousandCasesStillRenderPageOne() throws Exception {
        Chromium chromium = Chromium.require();
        Path html = write(ReportFixtures.hostile(10_000));
        Document dom = Jsoup.parse(chromium.dumpDom(html, tmp));
        assertHealthy(dom);
        assertEquals("50", dom.selectFirst("html").attr("data-rows"), "one page of 50 rows, not 10,000");
        // The page is bounded (issue 21): it embeds the worst outcomes up to its size cap and says so.
        String trimmed = dom.getElementById("cases-trimmed").text();
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("first (\\d+) of 10000 outcomes").matcher(trimmed);
        assertTrue(shown.find(), trimmed);
        int embedded = Integer.parseInt(shown.group(1));
        assertTrue(embedded > 1_000 && embedded < 10_000, "embedded " + embedded);
        String pages = "page 1 of " + ((embedded + 49) / 50) + " ";
        assertTrue(dom.getElementById("p-info").text().startsWith(pages), dom.getElementById("p-info").text() + " / expected " + pages);
    }

    @Test
    void tableFiltersSortsAndPagesInTheBrowser() throws Exception {
        Chromium chromium = Chromium.require();
        String html = new HtmlReport().render(ReportFixtures.hostile(300));
        // A test-only driver script clicks through the controls; the CSP (which admits only the
        // report's own script by hash) is removed from this copy so the driver may run.
        String driver = "<script>" + new String(getClass().getResourceAsStream("table-driver.js").readAllBytes(), StandardCharsets.UTF_8)
                + "</script></body>";
        String driven = html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "").replace("</body>", driver);
        Path file = tmp.resolve("driven.html");
        Files.writeString(file, driven, StandardCharsets.UTF_8);
        Element root = Jsoup.parse(chromium.dumpDom(file, tmp)).selectFirst("html");
        assertEquals("", root.attr("data-js-errors") + root.attr("data-driver-error"), "errors");
        assertEquals("1", root.attr("data-driver-done"), "driver finished");
        assertTrue(root.attr("data-page2").startsWith("page 2 of 6"), root.attr("data-page2"));
        assertEquals("true", root.attr("data-losses-only"), "verdict filter shows only losses");
        assertEquals("true", root.attr("data-flip-only"), "flipped filter shows only flipped or inconsistent rows");
        assertEquals("true", root.attr("data-sorted-by-id"), "clicking Case sorts by id");
        assertEquals("true", root.attr("data-reversed"), "a second click reverses");
        assertEquals("1", root.attr("data-search-hits"), "search finds exactly one case by id");
    }

    private Path write(ReportModel model) throws Exception {
        Path html = tmp.resolve("report.html");
        Files.writeString(html, new HtmlReport().render(model), StandardCharsets.UTF_8);
        return html;
    }

    private static void assertHealthy(Document dom) {
        Element root = dom.selectFirst("html");
        assertEquals("", root.attr("data-js-errors"), "JavaScript errors");
        assertEquals("1", root.attr("data-ready"), "the page script finished");
        Element banner = dom.getElementById("decision");
        assertNotNull(banner, "decision banner");
        assertTrue(List.of("PASS", "FAIL", "INCONCLUSIVE", "RUN_ERROR").contains(banner.attr("data-outcome")), banner.attr("data-outcome"));
        assertNotNull(dom.getElementById("chart-winrate"), "win-rate chart");
    }
}
