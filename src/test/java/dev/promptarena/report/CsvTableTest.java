package dev.promptarena.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptarena.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spreadsheet formula injection (OWASP "CSV injection") is neutralized in every cell; control characters are not written. */
class CsvTableTest {
    @TempDir Path tmp;

    @Test
    void cellsThatSpreadsheetsWouldExecuteArePrefixed() {
        assertEquals("'=HYPERLINK(\"http://x\")", CsvTable.safe("=HYPERLINK(\"http://x\")"));
        assertEquals("'+cmd|' /C calc'!A0", CsvTable.safe("+cmd|' /C calc'!A0"));
        assertEquals("'-2+3+cmd|' /C calc'!A0", CsvTable.safe("-2+3+cmd|' /C calc'!A0"));
        assertEquals("'@SUM(1+1)", CsvTable.safe("@SUM(1+1)"));
        assertEquals("'\t=1+1", CsvTable.safe("\t=1+1"));
        assertEquals("'\r=1+1", CsvTable.safe("\r=1+1"));
    }

    @Test
    void numbersAndOrdinaryTextAreLeftAlone() {
        assertEquals("-0.26", CsvTable.safe("-0.26"));
        assertEquals("+1.5e-3", CsvTable.safe("+1.5e-3"));
        assertEquals("plain = text", CsvTable.safe("plain = text"));
        assertEquals("", CsvTable.safe(null));
    }

    @Test
    void theWrittenFileCarriesTheNeutralizedCell() throws Exception {
        RunDirectory dir = RunDirectory.open(tmp);
        new CsvTable("id", "output").row("c1", "=1+1").row("c2", -0.5).writeTo(dir, "t.csv");
        assertEquals("id,output\nc1,'=1+1\nc2,-0.5\n", Files.readString(tmp.resolve("t.csv")));
    }

    /** A model's terminal escape in cases.csv replayed on `cat cases.csv`: every control but tab, LF and CR is U+FFFD. */
    @Test
    void controlCharactersBecomeTheReplacementCharacterTabsAndLineBreaksStay() throws Exception {
        assertEquals("\uFFFD[31mred\uFFFD[0m \uFFFD]0;title\uFFFD a\tb\nc\r\nd \uFFFD\uFFFD\uFFFD",
                CsvTable.safe("\u001B[31mred\u001B[0m \u001B]0;title\u0007 a\tb\nc\r\nd \u0000\u007F\u009B"));
        assertEquals("'=\uFFFD", CsvTable.safe("=\u0001"), "formula neutralization kept");
        assertEquals("\uFFFD=1+1", CsvTable.safe("\u0008=1+1"), "a backspace before a formula shows, it does not hide the quote");
        RunDirectory dir = RunDirectory.open(tmp);
        CsvTable.stream(dir, "s.csv", java.util.List.of("id", "score_a.x\u001B[2J"), rows -> rows.accept(new Object[] {"c\u001B1", "\u001B[2J"}));
        assertEquals("id,score_a.x\uFFFD[2J\nc\uFFFD1,\uFFFD[2J\n", Files.readString(tmp.resolve("s.csv")));
    }

    /** A bidirectional override in a cell makes it display in another order than it holds: written as U+FFFD, like a control. */
    @Test
    void bidirectionalControlsBecomeTheReplacementCharacter() {
        assertEquals("a\uFFFDb\uFFFD c\uFFFDd\uFFFD", CsvTable.safe("a\u202Eb\u202C c\u2066d\u2069"));
        assertEquals("'=\uFFFD1+1", CsvTable.safe("=\u202D1+1"), "formula neutralization kept");
    }

    /** Header cells can hold user-chosen axis or check names: neutralized like any cell, in both ways of writing a file. */
    @Test
    void headerCellsAreNeutralizedLikeCells() throws Exception {
        RunDirectory dir = RunDirectory.open(tmp);
        new CsvTable("id", "=SUM(1)").row("c1", 1.0).writeTo(dir, "h.csv");
        assertEquals("id,'=SUM(1)\nc1,1\n", Files.readString(tmp.resolve("h.csv")));
        CsvTable.stream(dir, "hs.csv", java.util.List.of("id", "score_a.@SUM(1)"), rows -> rows.accept(new Object[] {"c1", 2.0}));
        CsvTable.stream(dir, "hs2.csv", java.util.List.of("id", "+cmd"), rows -> rows.accept(new Object[] {"c1", 2.0}));
        assertEquals("id,score_a.@SUM(1)\nc1,2\n", Files.readString(tmp.resolve("hs.csv")), "a name inside the header is not at the start");
        assertEquals("id,'+cmd\nc1,2\n", Files.readString(tmp.resolve("hs2.csv")));
    }
}
