package dev.promptarena.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.Side;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Model output in a label sheet is untrusted: formulas neutralized in the CSV, markup escaped in the page. */
class LabelSheetWriterTest {
    private static final String EVIL = "<script>alert(1)</script>";

    private static LabelSheet sheet() {
        CaseRecord r = new CaseRecord("c1", 0, Map.of(), "Which <b>one</b>?", new Side("=HYPERLINK(\"http://x\")", 0, 0, 0, false, null, false),
                new Side(EVIL, 0, 0, 0, false, null, false), List.of());
        return new LabelSheet("run-1", 1, 1, LabelSheet.Strategy.RANDOM, List.of(new LabelSheet.Item("c1", 0, 0.25, true, r)));
    }

    @Test
    void csvNeutralizesFormulasAndKeepsTheOrderKey() throws Exception {
        StringWriter w = new StringWriter();
        LabelSheetWriter.csv(sheet(), Map.of(), w, s -> s.startsWith("=") ? "'" + s : s);
        List<String[]> rows = new CSVReader(new StringReader(w.toString())).readAll();
        assertEquals(LabelSheetWriter.HEADER, List.of(rows.get(0)));
        String[] row = rows.get(1);
        assertEquals("0.25", row[2]);
        assertEquals(BlindOrder.key("run-1", "c1", 0, true), row[3]);
        assertEquals(EVIL, row[7], "B is response 1 when bFirst");
        assertEquals("'=HYPERLINK(\"http://x\")", row[8]);
        assertEquals(Boolean.TRUE, BlindOrder.bFirst("run-1", "c1", 0, row[3]));
        assertEquals(null, BlindOrder.bFirst("run-2", "c1", 0, row[3]), "a key from another run matches nothing");
    }

    @Test
    void htmlEscapesModelOutput() throws Exception {
        StringWriter w = new StringWriter();
        LabelSheetWriter.html(sheet(), Map.of(), w);
        String html = w.toString();
        assertFalse(html.contains(EVIL), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("Which &lt;b&gt;one&lt;/b&gt;?"), html);
        assertFalse(html.contains("Context"), "no empty context block");
    }

    /**
     * HTML escaping leaves ESC, other control characters and bidirectional overrides in the page, and {@code cat page.html}
     * replayed a model's terminal sequences: they are removed, the response's lines kept.
     */
    @Test
    void htmlHoldsNoTerminalSequencesControlsOrBidiOverrides() throws Exception {
        String hostile = "\u001B[2J\u001B]0;pwned\u0007line1\r\nline2\u0000\u0008 \u202Eevil\u202C\u009B\ttab";
        CaseRecord r = new CaseRecord("c1", 0, Map.of(), "q\u001B[31m?", new Side(hostile, 0, 0, 0, false, null, false),
                new Side("fine", 0, 0, 0, false, null, false), List.of());
        LabelSheet s = new LabelSheet("run-1", 1, 1, LabelSheet.Strategy.RANDOM, List.of(new LabelSheet.Item("c1", 0, 0.25, false, r)));
        StringWriter w = new StringWriter();
        LabelSheetWriter.html(s, Map.of(), w);
        String html = w.toString();
        assertTrue(html.contains("<pre>line1\nline2 evil\ttab</pre>"), html);
        assertTrue(html.contains("<pre>q?</pre>"), html);
        assertFalse(html.contains("pwned") || html.contains("[2J"), html);
        assertTrue(html.chars().noneMatch(c -> (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)), "no control or bidi character in the page");
    }
}
