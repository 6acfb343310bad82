package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported files of score, canary check, signals and allocate: errors name the file and the line. */
class InputRowsTest {
    @TempDir Path dir;

    @Test
    void anUnclosedQuoteOrBytesThatAreNotUtf8AreNamedByLine() throws IOException {
        // Both were "cannot read: ..." with no line: OpenCSV's "Unterminated quoted field ... [b,1]", the decoder's
        // "Input length = 1".
        Path csv = dir.resolve("windows.csv");
        Files.writeString(csv, "variant,n\nA,1\n\"b,1\nB,2\n");
        InputException q = assertThrows(InputException.class, () -> InputRows.read(csv));
        assertEquals(csv + ":3: malformed CSV: a quoted cell is never closed", q.describe());

        Path jsonl = dir.resolve("traces.jsonl");
        Files.write(jsonl, "{\"trace_id\": \"t1\"}\n{\"trace_id\": \"Jos\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        InputException u = assertThrows(InputException.class, () -> InputRows.read(jsonl));
        assertEquals(jsonl + ":2: not valid UTF-8 text (save the file as UTF-8)", u.describe());
    }
}
