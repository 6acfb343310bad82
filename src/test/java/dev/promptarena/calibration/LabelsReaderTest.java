package dev.promptarena.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsReaderTest {
    @TempDir Path dir;

    private Path write(String csv) throws IOException {
        Path p = dir.resolve("human.csv");
        Files.writeString(p, csv);
        return p;
    }

    @Test
    void readsLabelsWithOptionalRepeatAndLabelerInAnyColumnOrder() throws IOException {
        List<HumanLabel> labels = LabelsReader.read(write("\uFEFFlabeler,label,case_id,repeat\nann,b,c1,\nbob,TIE,c1,2\nann,A,\"c,2\",0\n"));
        assertEquals(List.of(new HumanLabel("c1", null, "B", "ann", 2), new HumanLabel("c1", 2, "tie", "bob", 3),
                new HumanLabel("c,2", 0, "A", "ann", 4)), labels);
        assertEquals(List.of(new HumanLabel("x", null, "A", "", 2)), LabelsReader.read(write("case_id,label\nx,A\n")));
    }

    @Test
    void everyProblemNamesFileLineAndColumn() throws IOException {
        assertProblem("case_id,label\nc1,A\nc2,maybe\n", 3, "label", "expected A, B or tie, got 'maybe'");
        assertProblem("case_id,label,repeat\nc1,A,first\n", 2, "repeat", "expected a whole number");
        assertProblem("case_id,label\n,A\n", 2, "case_id", "every label needs a case id");
        assertProblem("case_id,label\nc1,A\nc1,B\n", 3, "case_id", "labelled twice (first at line 2)");
        assertProblem("case_id,verdict\n", 1, "verdict", "unknown column");
        assertProblem("case_id\nc1\n", 1, "label", "no 'label' column");
        assertProblem("case_id,label\nc1,A,extra\n", 2, null, "expected 2 columns, got 3");
        assertProblem("case_id,label\n", 2, null, "no labels");
    }

    @Test
    void anUnclosedQuoteOrBytesThatAreNotUtf8AreNamedByLine() throws IOException {
        // Both were "cannot read: ..." with no line: OpenCSV's "Unterminated quoted field ... [B\nc3,A]", the decoder's
        // "Input length = 1".
        assertProblem("case_id,label\nc1,A\nc2,\"B\nc3,A\n", 3, null, "malformed CSV: a quoted cell is never closed");
        Path p = dir.resolve("latin1.csv");
        Files.write(p, "case_id,label\nc1,A\nJos\u00e9,B\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        for (org.junit.jupiter.api.function.Executable read : List.<org.junit.jupiter.api.function.Executable>of(
                () -> LabelsReader.read(p), () -> LabelsFile.isSheet(p))) {
            InputException e = assertThrows(InputException.class, read);
            assertEquals(p + ":3: not valid UTF-8 text (save the file as UTF-8)", e.describe());
        }
    }

    /** A spreadsheet that quotes every cell on save (Python's csv.QUOTE_ALL, LibreOffice's "quote all text cells"). */
    @Test
    void aSheetWhoseHeaderIsQuotedIsStillASheet() throws IOException {
        assertTrue(LabelsFile.isSheet(write("\"case_id\",\"repeat\",\"probability\",\"order_key\",\"label\"\n\"c1\",\"0\",\"1\",\"k\",\"1\"\n")));
        assertTrue(LabelsFile.isSheet(write("case_id,repeat,probability,order_key,label\n")));
        assertFalse(LabelsFile.isSheet(write("\"case_id\",\"label\"\n\"c1\",\"A\"\n")));
    }

    @Test
    void aMissingFileIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> LabelsReader.read(dir.resolve("nope.csv")));
        assertEquals("file not found", e.getMessage());
    }

    private void assertProblem(String csv, int line, String field, String message) throws IOException {
        Path p = write(csv);
        InputException e = assertThrows(InputException.class, () -> LabelsReader.read(p));
        assertEquals(p, e.file());
        assertEquals(line, e.line(), e.describe());
        assertEquals(field, e.field(), e.describe());
        assertTrue(e.getMessage().contains(message), e.describe());
    }
}
