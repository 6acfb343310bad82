package dev.promptarena.report.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.report.CaseFacts;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.util.BidiControls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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
    /** A row's JSON as {@link #scriptSafe} leaves it, escaped as it is written. */
    private static final ObjectWriter ROW = JSON.writer().with(new ScriptSafeEscapes());
    /**
     * Characters of case JSON the page embeds at most. report.html must stay usable at any run size (at 100,000
     * cases the whole table made a 126 MB page): about 4 MB of cases plus the rest of the page keeps it under 5 MB.
     */
    public static final int BUDGET_CHARS = 4_000_000;
    /** A text longer than this is cut in the page (cases.csv and cases.jsonl keep it whole), so one case cannot eat the budget. */
    static final int MAX_TEXT = 2_000;

    private CaseData() {}

    /** The embedded cases: the JSON array (script-safe) and how many of the run's cases it holds. */
    public record Embedded(String json, int shown) {}

    /** The JSON array of every case, already escaped for a script element, in the given (worst-first) order. */
    public static String json(List<CaseFacts> facts, List<String> axes) {
        return bounded(facts, axes, Integer.MAX_VALUE).json();
    }

    /**
     * The cases a reader needs first, as many as fit in {@code budgetChars}: {@code facts} come worst first (B lost,
     * order-dependent or split verdicts, failures, then ties and wins), so losses, flips and errors are what stays.
     */
    public static Embedded bounded(List<CaseFacts> facts, List<String> axes, int budgetChars) {
        StringBuilder out = new StringBuilder("[");
        Writer into = new AppendingWriter(out);
        int shown = 0;
        try {
            for (CaseFacts f : facts) {
                // Each row is written straight into the array, escaped for the script element as it is written
                // (ScriptSafeEscapes), and taken back out when it does not fit: no string a row and no second pass
                // over it (the page's cases were ~2/3 of report.html's time at 10,000 cases, bench/README.md, ninth session).
                int before = out.length();
                if (shown > 0) out.append(',');
                int start = out.length();
                ROW.writeValue(into, row(f, axes));
                if (before + (out.length() - start) + 2 > budgetChars) {
                    out.setLength(before);
                    break;
                }
                shown++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Embedded(out.append(']').toString(), shown);
    }

    /** A {@link Writer} appending to a {@link StringBuilder} (the JSON writer buffers, then hands over whole chunks). */
    private static final class AppendingWriter extends Writer {
        private final StringBuilder out;

        AppendingWriter(StringBuilder out) { this.out = out; }

        @Override public void write(char[] c, int off, int len) { out.append(c, off, len); }
        @Override public void write(String s, int off, int len) { out.append(s, off, off + len); }
        @Override public void flush() { }
        @Override public void close() { }
    }

    private static String cut(String text) {
        if (text == null || text.length() <= MAX_TEXT) return text;
        return text.substring(0, MAX_TEXT) + " … [" + (text.length() - MAX_TEXT) + " more characters in cases.csv]";
    }

    /**
     * Escapes JSON text for embedding in an HTML script element: {@code <}, {@code >} and {@code &}
     * become \\u escapes so no {@code </script>} or {@code <!--} can appear, and U+2028/U+2029 are
     * escaped because older JavaScript parsers treat them as line ends. DEL, the C1 controls (U+0080-U+009F: U+009B
     * starts a terminal sequence as ESC [ does) and the bidirectional controls ({@link BidiControls}) become \\u escapes
     * too, which JSON leaves raw: {@code cat report.html} would replay a model's terminal sequences and show its lines
     * reordered. JSON.parse reads them all back unchanged.
     */
    public static String scriptSafe(String json) {
        StringBuilder sb = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (needsEscape(c)) sb.append(unicodeEscape(c));
            else sb.append(c);
        }
        return sb.toString();
    }

    /** The characters {@link #scriptSafe} escapes beyond JSON's own. */
    static boolean needsEscape(char c) {
        return c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029' || (c >= 0x7F && c <= 0x9F) || BidiControls.is(c);
    }

    /** {@code c} as a lower-case JSON \\u escape. */
    static String unicodeEscape(char c) {
        return String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
    }

    static Map<String, Object> row(CaseFacts f, List<String> axes) {
        CaseRecord r = f.record();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.caseId());
        m.put("rep", r.repeat());
        m.put("tags", r.tags().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).toList());
        m.put("q", cut(r.question()));
        m.put("a", cut(r.a().output()));
        m.put("b", cut(r.b().output()));
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
            v.put("why", cut(t.reason()));
            v.put("err", t.error());
            v.put("fix", t.repaired());
            votes.add(v);
        }
        m.put("votes", votes);
        return m;
    }

    private static String nonNull(String s) { return s == null ? "error" : s; }
}
