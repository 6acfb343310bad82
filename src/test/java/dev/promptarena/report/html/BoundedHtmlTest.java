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

    @Test
    void rowsEscapedAsTheyAreWrittenEqualTheEscapePassOverEachRowAtEveryBudget() throws Exception {
        // CaseData writes each row straight into the array with the script-safe escapes (ScriptSafeEscapes); the page
        // must hold the bytes of the former pass of scriptSafe over each row's JSON, cut at the same row for any budget.
        ReportModel model = ReportFixtures.hostile(40);
        List<String> axes = model.manifest().axes();
        List<CaseFacts> facts = new ArrayList<>(model.cases().stream().map(c -> CaseFacts.of(c, axes)).toList());
        // and a case with control characters, quotes, backslashes, a surrogate pair and both line separators
        CaseRecord r = model.cases().get(0);
        Side odd = new Side("\u0001\t\"q\" \\ \uD83D\uDE00 \u2028\u2029 <&> \u007f \u0085", r.a().latencyMillis(), r.a().costUsd(),
                r.a().outputTokens(), r.a().error(), r.a().errorMessage(), r.a().truncated());
        facts.add(0, CaseFacts.of(new CaseRecord("odd</script>", 0, r.tags(), "<!-- q", odd, r.b(), r.traces()), axes));
        List<String> rows = new ArrayList<>();
        for (CaseFacts f : facts) rows.add(CaseData.scriptSafe(JSON.writeValueAsString(CaseData.row(f, axes))));
        assertTrue(rows.get(0).contains("\\u2028") && rows.get(0).contains("\\u003c/script"), rows.get(0));
        int full = 1 + String.join(",", rows).length() + 1;
        for (int budget = 0; budget <= full + 2; budget += budget < 2_000 ? 1 : 37) {
            StringBuilder expected = new StringBuilder("[");
            int shown = 0;
            for (String row : rows) {
                if (expected.length() + row.length() + 2 > budget) break;
                if (shown > 0) expected.append(',');
                expected.append(row);
                shown++;
            }
            CaseData.Embedded e = CaseData.bounded(facts, axes, budget);
            assertEquals(expected.append(']').toString(), e.json(), "budget " + budget);
            assertEquals(shown, e.shown(), "budget " + budget);
        }
    }
}
