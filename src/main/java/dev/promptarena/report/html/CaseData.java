package dev.promptarena.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.report.CaseFacts;
import dev.promptarena.run.CaseRecord;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-case table's data, embedded once as JSON in {@code <script type="application/json">}
 * and rendered page by page in the browser (10,000 cases as DOM rows would make the page crawl).
 * Keys are short because they repeat 10,000 times. The text is untrusted (model, dataset and judge
 * output), so {@link #scriptSafe} makes sure it cannot end the script element.
 */
public final class CaseData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseData() {}

    /** The JSON array, already escaped for a script element, in worst-first order. */
    public static String json(List<CaseFacts> facts, List<String> axes) {
        List<Map<String, Object>> rows = new ArrayList<>(facts.size());
        for (CaseFacts f : facts) rows.add(row(f, axes));
        try {
            return scriptSafe(JSON.writeValueAsString(rows));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Escapes JSON text for embedding in an HTML script element: {@code <}, {@code >} and {@code &}
     * become \\u escapes so no {@code </script>} or {@code <!--} can appear, and U+2028/U+2029 are
     * escaped because older JavaScript parsers treat them as line ends. JSON.parse reads them back unchanged.
     */
    public static String scriptSafe(String json) {
        StringBuilder sb = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Map<String, Object> row(CaseFacts f, List<String> axes) {
        CaseRecord r = f.record();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.caseId());
        m.put("rep", r.repeat());
        m.put("tags", r.tags().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).toList());
        m.put("q", r.question());
        m.put("a", r.a().output());
        m.put("b", r.b().output());
        m.put("ea", r.a().error() ? nonNull(r.a().errorMessage()) : null);
        m.put("eb", r.b().error() ? nonNull(r.b().errorMessage()) : null);
        m.put("ta", r.a().truncated());
        m.put("tb", r.b().truncated());
        m.put("wa", r.a().words());
        m.put("wb", r.b().words());
        m.put("v", f.verdict().name());
        m.put("vl", f.verdictLabel());
        m.put("pr", f.priority());
        m.put("drop", f.worstDrop());
        m.put("dropAxis", f.worstAxis());
        m.put("flip", f.flipped());
        m.put("dis", f.disagree());
        m.put("sa", axes.stream().map(f.meanA()::get).toList());
        m.put("sb", axes.stream().map(f.meanB()::get).toList());
        List<Map<String, Object>> votes = new ArrayList<>();
        for (JudgeTrace t : r.traces()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("j", t.judge());
            v.put("s", t.sample());
            v.put("ord", !t.presented() ? "no order (reference judge)" : t.bFirst() ? "B shown first" : "A shown first");
            v.put("w", t.winner().name());
            v.put("pw", t.presentedWinner());
            v.put("st", t.status());
            v.put("sa", axes.stream().map(t.scoresA()::get).toList());
            v.put("sb", axes.stream().map(t.scoresB()::get).toList());
            v.put("why", t.reason());
            v.put("err", t.error());
            v.put("fix", t.repaired());
            votes.add(v);
        }
        m.put("votes", votes);
        return m;
    }

    private static String nonNull(String s) { return s == null ? "error" : s; }
}
