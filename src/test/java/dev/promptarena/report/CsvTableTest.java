package dev.promptarena.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptarena.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spreadsheet formula injection (OWASP "CSV injection") is neutralized in every cell. */
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
}
