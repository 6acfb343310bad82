package dev.promptarena.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.promptarena.input.Hashing;
import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV golden set read back record by record: the cases, lines and errors of reading the whole file with OpenCSV. */
class CsvGoldenSetTest {
    @TempDir Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private Path write(String name, String text) throws IOException { return write(name, text.getBytes(StandardCharsets.UTF_8)); }

    /** Every case as the loader read CSV files whole before: OpenCSV over a reader, blank rows skipped. */
    private static List<GoldenCase> whole(Path p) throws IOException, CsvException {
        List<GoldenCase> out = new ArrayList<>();
        try (CSVReader r = new CSVReader(Files.newBufferedReader(p, StandardCharsets.UTF_8))) {
            String[] header = r.readNext();
            if (header[0].startsWith("\uFEFF")) header[0] = header[0].substring(1);
            long before = r.getLinesRead();
            String[] row;
            while ((row = r.readNext()) != null) {
                int line = (int) before + 1;
                before = r.getLinesRead();
                if (row.length == 1 && row[0].isBlank()) continue;
                out.add(DatasetLoader.fromCsv(p, line, header, row));
            }
        }
        return out;
    }

    @Test
    void readsBackMultiLineRecordsOfEveryLineEnding() throws Exception {
        // A byte-order mark; \r\n, \n and a lone \r, inside quoted cells too; doubled and backslash-escaped quotes;
        // blank rows; non-ASCII text; a record longer than the 64 KB window; no final line end.
        String big = "y".repeat(70_000);
        String text = "\uFEFFid,q,reference,tags.k,tags\r\n"
                + "a,\"two\r\nlines, é 漢\",ref,v,x;y\r\n"
                + "\r\n"
                + "b,\"say \"\"hi\"\"\nthen \\\"bye\\\"\",,,\r"
                + "c,\"" + big + "\n\",r,w,\n"
                + "   \n"
                + "d,\"\r\r\n\",,v,x;y";
        Path p = write("g.csv", text);
        GoldenSet set = new DatasetLoader().load(p);
        List<GoldenCase> expected = whole(p);
        assertEquals(4, expected.size());
        assertEquals(expected, new ArrayList<>(set), "iterating reads every record back");
        assertEquals(List.of(2, 5, 7, 10), set.stream().map(GoldenCase::line).toList(), "each case at the line its record starts");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), set.get(i));
            assertEquals(expected.get(i).line(), set.get(i).line());
            assertEquals(expected.get(i).id(), set.id(i));
            assertEquals(expected.get(i).tags(), set.tags(i));
        }
        assertEquals("two\nlines, é 漢", set.get(0).fields().get("q"));
        assertEquals(big + "\n", set.get(2).fields().get("q"));
        assertTrue(set.tags(0) == set.tags(3), "equal tag maps are shared, not held once a case");
        assertEquals(Hashing.sha256(Files.readAllBytes(p)), set.sha256(), "the manifest's hash of the file's bytes");
        List<GoldenCase> copy = new ArrayList<>(expected);
        Collections.shuffle(copy, new Random(3));
        assertEquals(copy, new ArrayList<>(set.shuffled(new Random(3))), "read back out of file order");
        assertEquals(List.of("a", "b"), set.first(2).ids());
    }

    @Test
    void errorsAreTheOnesReadingTheWholeFileGave() throws Exception {
        // A row of the wrong width after a multi-line record: reported at the line it starts on.
        InputException cols = assertThrows(InputException.class, () -> new DatasetLoader().load(write("c.csv", "id,q\n1,\"a\nb\"\n2,a,extra\n")));
        assertEquals("c.csv:4: expected 2 columns, got 3", cols.describe().substring(dir.toString().length() + 1));

        Path open = write("o.csv", "id,q\n1,a\n2,\"never closed\n3,b\n");
        InputException o = assertThrows(InputException.class, () -> new DatasetLoader().load(open));
        // OpenCSV reports an unterminated quote as an IOException quoting the data and no line: named by its record's line.
        assertEquals("o.csv:3: malformed CSV: a quoted cell of the row starting here is never closed",
                o.describe().substring(dir.toString().length() + 1));

        InputException noId = assertThrows(InputException.class, () -> new DatasetLoader().load(write("n.csv", "\uFEFFkey,q\n1,a\n")));
        assertEquals(List.of(1, "id"), List.of(noId.line(), noId.field()));
        assertTrue(noId.getMessage().contains("no 'id' column"), noId.getMessage());

        InputException dup = assertThrows(InputException.class, () -> new DatasetLoader().load(write("d.csv", "id,q\na,\"x\ny\"\nb,1\na,2\n")));
        assertEquals(5, dup.line());
        assertTrue(dup.getMessage().contains("duplicate id 'a' (first at line 2)"), dup.getMessage());

        InputException blank = assertThrows(InputException.class, () -> new DatasetLoader().load(write("e.csv", "id,q\n \n,x\n")));
        assertEquals(List.of(3, "id"), List.of(blank.line(), blank.field()));

        Path bad = write("u.csv", new byte[] {'i', 'd', '\n', 'a', (byte) 0xC3, '\n'});
        InputException u = assertThrows(InputException.class, () -> new DatasetLoader().load(bad));
        // The reader's own message ("Input length = 1") named neither the line nor the problem.
        assertEquals("u.csv:2: not valid UTF-8 text (save the file as UTF-8)", u.describe().substring(dir.toString().length() + 1));

        InputException empty = assertThrows(InputException.class, () -> new DatasetLoader().load(write("z.csv", "id,q\n\n")));
        assertTrue(empty.getMessage().contains("the golden set is empty"), empty.getMessage());
    }

    @Test
    void aRecordEditedAfterTheScanStopsReadingNamingItsLine() throws IOException {
        Path p = write("g.csv", "id,name\n1,\"Ana\nMaria\"\n2,Ana\n3,Ana\n");
        GoldenSet set = new DatasetLoader().load(p);
        assertEquals(Map.of("name", "Ana\nMaria"), set.get(0).fields());
        Files.writeString(p, "id,name\n1,\"Ana\nMaria\"\n2,Bob\n3,Ana\n"); // same size, other bytes
        assertEquals("Ana\nMaria", set.get(0).fields().get("name"), "an unchanged record still reads");
        InputException e = assertThrows(InputException.class, () -> new ArrayList<>(set));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith("the golden set changed since the run read it (case '2'"), e.getMessage());
        long before = Files.size(p);
        Files.writeString(p, "id,name\n1,\"Ana\nMaria\"\n2,Ana\n3,Anna\n");
        InputException size = assertThrows(InputException.class, () -> set.get(2));
        assertTrue(size.getMessage().contains("changed since the run read it (" + before + " bytes then, " + (before + 1) + " now)"), size.getMessage());
    }
}
