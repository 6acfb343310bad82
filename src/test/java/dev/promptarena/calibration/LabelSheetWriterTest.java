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

    /**
     * The sheet's cells are neutralized, case ids too: a formula-led id gets a quote and control characters become
     * U+FFFD, so "=x", "c\u0007" and "c\u001B" were written as ids no case has and the filled sheet was refused
     * ("order_key does not match"). {@link SheetIds} maps each back; the two ids written alike are told apart by
     * their order keys.
     */
    @Test
    void aSheetWhoseIdsWereNeutralizedIsReadBackAsTheRunsIds(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        List<String> ids = List.of("=x", "c\u0007", "c\u001B", "plain");
        List<LabelSheet.Item> items = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            CaseRecord r = new CaseRecord(ids.get(i), 0, Map.of(), "q", new Side("a", 0, 0, 0, false, null, false),
                    new Side("b", 0, 0, 0, false, null, false), List.of());
            items.add(new LabelSheet.Item(ids.get(i), 0, 0.5, i % 2 == 0, r));
        }
        java.util.function.UnaryOperator<String> neutralize = s -> (s.startsWith("=") ? "'" + s : s).replaceAll("\\p{Cc}", "\uFFFD");
        StringWriter w = new StringWriter();
        LabelSheetWriter.csv(new LabelSheet("run-1", 4, 4, LabelSheet.Strategy.RANDOM, items), Map.of(), w, neutralize);
        java.nio.file.Path filled = dir.resolve("filled.csv");
        java.nio.file.Files.writeString(filled, w.toString().replace(",,\n", ",1,\n"));
        List<SheetLabel> read = LabelSheetReader.read(filled, "run-1", SheetIds.of(ids.stream(), neutralize));
        assertEquals(ids, read.stream().map(SheetLabel::caseId).toList());
        // response 1 won every row: B when B was shown first (rows 0 and 2)
        assertEquals(List.of(1.0, 0.0, 1.0, 0.0), read.stream().map(SheetLabel::score).toList());
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
