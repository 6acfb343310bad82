package dev.promptarena.recorded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.dataset.DatasetLoader;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.input.Hashing;
import dev.promptarena.input.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recorded outputs are read back from their file when a case needs them: the same texts and errors as reading it whole. */
class RecordedReadBackTest {
    @TempDir Path dir;
    private List<GoldenCase> cases;
    private Path golden;

    @BeforeEach
    void goldenSet() throws IOException {
        golden = dir.resolve("golden.jsonl");
        Files.writeString(golden, "{\"id\": \"c0\", \"q\": \"a\"}\n{\"id\": \"c1\", \"q\": \"b\"}\n{\"id\": \"c2\", \"q\": \"c\"}\n");
        cases = new DatasetLoader().load(golden);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private Path write(String name, String text) throws IOException { return write(name, text.getBytes(StandardCharsets.UTF_8)); }

    @Test
    void csvCellsOverSeveralLinesBomAndCrlfReadBackAsTheyWere() throws IOException {
        Path p = write("r.csv", "\uFEFFid,output,latency_ms\r\nc2,\"first\r\nsecond, \"\"quoted\"\"\",7\r\n\r\nc0,\"one\ntwo\rthree\",\r\nc1,é 漢,1.5");
        RecordedResponses r = RecordedResponsesLoader.variant(p, "A", cases, golden);
        assertEquals("first\nsecond, \"quoted\"", r.side("c2").output(), "OpenCSV joins a cell's lines with \\n, as before");
        assertEquals(7, r.side("c2").latencyMillis());
        assertEquals("one\ntwo\nthree", r.side("c0").output());
        assertEquals("é 漢", r.side("c1").output());
        assertEquals(1, r.side("c1").latencyMillis());
        assertEquals(Hashing.sha256(Files.readAllBytes(p)), r.sha256());
        assertThrows(IllegalStateException.class, () -> r.side("c9"), "a case the golden set does not have");
    }

    @Test
    void badUtf8BecomesAReplacementCharacterAsWhenTheFileWasDecodedWhole() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("{\"id\": \"c0\", \"output\": \"x".getBytes(StandardCharsets.UTF_8));
        b.write(0xC3);
        b.writeBytes("\"}\n{\"id\": \"c1\", \"output\": \"y\"}\n{\"id\": \"c2\", \"output\": \"z\"}\n".getBytes(StandardCharsets.UTF_8));
        RecordedResponses r = RecordedResponsesLoader.variant(write("u.jsonl", b.toByteArray()), "A", cases, golden);
        assertEquals("x\uFFFD", r.side("c0").output());
    }

    @Test
    void everyMalformedRowIsReportedBeforeAnIdError() throws IOException {
        // A duplicate id on line 2, broken JSON on line 3: the syntax error first, as when the whole file was parsed first.
        Path p = write("m.jsonl", "{\"id\": \"c0\", \"output\": \"x\"}\n{\"id\": \"c0\", \"output\": \"x\"}\n{\"id\": \n");
        InputException e = assertThrows(InputException.class, () -> RecordedResponsesLoader.variant(p, "A", cases, golden));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("malformed JSON"), e.getMessage());
        Path cols = write("c.csv", "id,output\nc0,x\nc0,x\nc1,\"y\nz\",extra\n");
        InputException c = assertThrows(InputException.class, () -> RecordedResponsesLoader.variant(cols, "A", cases, golden));
        assertEquals("expected 2 columns, got 3", c.getMessage());
        assertEquals(4, c.line());
    }

    @Test
    void aFileEditedAfterLoadingStopsTheReadNamingTheRow() throws IOException {
        String text = "{\"id\": \"c0\", \"output\": \"Ana\"}\n{\"id\": \"c1\", \"output\": \"Ana\"}\n{\"id\": \"c2\", \"output\": \"Ana\"}\n";
        Path p = write("r.jsonl", text);
        Recorded both = new Recorded(RecordedResponsesLoader.variant(p, "A", cases, golden), null);
        RecordedResponses r = both.forSlot("A");
        assertEquals("Ana", r.side("c1").output());
        write("r.jsonl", text.replace("\"c1\", \"output\": \"Ana\"", "\"c1\", \"output\": \"Bob\""));
        assertEquals("Ana", r.side("c0").output(), "an unchanged row still reads");
        InputException e = assertThrows(InputException.class, () -> r.side("c1"));
        assertEquals(2, e.line());
        assertEquals("the recorded responses changed since the run read it (the row at line 2 is not what was read at the start)"
                + ": restore the file the run started with, or start a new run", e.getMessage());
        write("r.jsonl", text + "\n");
        InputException size = assertThrows(InputException.class, () -> r.side("c0"));
        assertTrue(size.getMessage().contains("(" + text.length() + " bytes then, " + (text.length() + 1) + " now)"), size.getMessage());
    }
}
