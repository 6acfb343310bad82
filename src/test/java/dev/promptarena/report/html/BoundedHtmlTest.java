package dev.promptarena.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.report.CaseFacts;
import dev.promptarena.report.ReportFixtures;
import dev.promptarena.report.ReportModel;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.Side;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** report.html stays bounded at any run size: the worst cases inline, the rest counted and pointed to cases.csv. */
class BoundedHtmlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code n} hostile cases whose outputs are long (3,000+ characters), so the whole table would be ~5 kB a case. */
    private static ReportModel longCases(int n) {
        ReportModel base = ReportFixtures.hostile(n);
        List<CaseRecord> cases = new ArrayList<>();
        for (CaseRecord r : base.cases()) {
            Side a = r.a();
            Side longA = new Side(a.output() + " long".repeat(600), a.latencyMillis(), a.costUsd(), a.outputTokens(), a.error(),
                    a.errorMessage(), a.truncated());
            cases.add(new CaseRecord(r.caseId(), r.repeat(), r.tags(), r.question(), longA, r.b(), r.traces()));
        }
        return new ReportModel(base.schemaVersion(), base.manifest(), base.analysis(), cases);
    }

    @Test
    void aLargeRunGivesAPageUnderFiveMegabytesWithTheWorstCasesFirst() throws Exception {
        ReportModel model = longCases(3_000);
        String html = new HtmlReport().render(model);
        assertTrue(html.getBytes(StandardCharsets.UTF_8).length < 5_000_000, "page bytes " + html.length());
        Document doc = Jsoup.parse(html);
        JsonNode rows = JSON.readTree(doc.getElementById("case-data").data());
        assertTrue(rows.size() > 100 && rows.size() < 3_000, "embedded " + rows.size());
        assertTrue(doc.getElementById("cases-trimmed").text().contains("first " + rows.size() + " of 3000 outcomes"),
                doc.getElementById("cases-trimmed").text());
        // The embedded rows are exactly the first ones in worst-first order: no win is shown while a loss is left out.
        List<CaseFacts> worstFirst = model.cases().stream().map(c -> CaseFacts.of(c, model.manifest().axes()))
                .sorted(CaseFacts.WORST_FIRST).toList();
        for (int i = 0; i < rows.size(); i++) assertEquals(worstFirst.get(i).record().caseId(), rows.get(i).path("id").asText());
        int lastShownPriority = worstFirst.get(rows.size() - 1).priority();
        assertTrue(worstFirst.subList(rows.size(), worstFirst.size()).stream().allMatch(f -> f.priority() >= lastShownPriority));
        // A long text is cut in the page, with the pointer to the full text.
        assertTrue(rows.get(0).path("a").asText().endsWith("more characters in cases.csv]"), rows.get(0).path("a").asText());
    }

    @Test
    void aSmallRunEmbedsEveryCaseWhole() {
        ReportModel model = ReportFixtures.hostile(60);
        Document doc = Jsoup.parse(new HtmlReport().render(model));
        assertNull(doc.getElementById("cases-trimmed"));
        List<CaseFacts> facts = model.cases().stream().map(c -> CaseFacts.of(c, model.manifest().axes())).toList();
        CaseData.Embedded all = CaseData.bounded(facts, model.manifest().axes(), CaseData.BUDGET_CHARS);
        assertEquals(60, all.shown());
        assertEquals(CaseData.json(facts, model.manifest().axes()), all.json());
    }

    @Test
    void theBudgetIsNeverExceeded() throws Exception {
        ReportModel model = ReportFixtures.hostile(200);
        List<CaseFacts> facts = model.cases().stream().map(c -> CaseFacts.of(c, model.manifest().axes())).toList();
        for (int budget : new int[] {2, 500, 5_000, 50_000}) {
            CaseData.Embedded e = CaseData.bounded(facts, model.manifest().axes(), budget);
            assertTrue(e.json().length() <= budget, budget + ": " + e.json().length());
            assertEquals(e.shown(), JSON.readTree(e.json()).size());
        }
    }
}
