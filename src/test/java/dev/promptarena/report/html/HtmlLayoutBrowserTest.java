package dev.promptarena.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptarena.cli.CliRunner;
import dev.promptarena.report.ReportFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report laid out by a real headless browser at a narrow window (760 CSS px, a laptop's split screen): every
 * column of the rubric axes table, the p-values included, is visible without scrolling sideways and no cell's
 * content overflows it. A test-only probe script measures the boxes (layout-probe.js).
 */
class HtmlLayoutBrowserTest {
    @TempDir Path tmp;

    @Test
    void axesTableShowsItsPValueColumnsAt760Pixels() throws Exception {
        Element root = probe(Files.readString(CliRunner.runExample(tmp.resolve("runs")).resolve("report.html"), StandardCharsets.UTF_8), 760);
        assertEquals("760", root.attr("data-viewport"), "the window width took effect");
        assertEquals("", root.attr("data-axes-cut"), "cut off at 760 px");
        assertEquals("", root.attr("data-page-overflow"), "the page itself scrolls sideways");
    }

    @Test
    void longAxisNamesAndManyAxesStillFit() throws Exception {
        Element root = probe(new HtmlReport().render(ReportFixtures.hostile(60)), 760);
        assertEquals("", root.attr("data-axes-cut"), "cut off at 760 px");
    }

    @Test
    void theProbeSeesClippingWhenTheWindowIsTooNarrow() throws Exception {
        // The check can fail: at 500 px (headless Chromium's narrowest window) eleven columns cannot fit, and the probe says which are cut.
        Element root = probe(Files.readString(CliRunner.runExample(tmp.resolve("narrow")).resolve("report.html"), StandardCharsets.UTF_8), 500);
        assertEquals("500", root.attr("data-viewport"));
        org.junit.jupiter.api.Assertions.assertTrue(root.attr("data-axes-cut").contains("p Holm"), root.attr("data-axes-cut"));
    }

    private Element probe(String html, int width) throws Exception {
        Chromium chromium = Chromium.require();
        // As in HtmlReportBrowserTest's driver: the CSP admits only the report's own script, so this copy drops it.
        String script = "<script>" + new String(getClass().getResourceAsStream("layout-probe.js").readAllBytes(), StandardCharsets.UTF_8)
                + "</script></body>";
        Path file = tmp.resolve("probed-" + width + ".html");
        Files.writeString(file, html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "").replace("</body>", script));
        Element root = Jsoup.parse(chromium.dumpDom(file, tmp, width)).selectFirst("html");
        assertEquals("", root.attr("data-probe-error") + root.attr("data-js-errors"), "errors");
        return root;
    }
}
