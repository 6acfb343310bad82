package dev.promptarena.recorded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.cli.ExitCode;
import dev.promptarena.dataset.DatasetLoader;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.input.InputException;
import dev.promptarena.testing.CliRun;
import dev.promptarena.testing.RecordedFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recorded-responses files: both formats, and every error naming file, line and field. */
class RecordedResponsesLoaderTest {
    @TempDir Path dir;
    private List<GoldenCase> cases;
    private Path golden;

    @BeforeEach
    void fixture() throws IOException {
        RecordedFixture.write(dir);
        golden = dir.resolve("golden.jsonl");
        cases = new DatasetLoader().load(golden);
    }

    private InputException fails(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, List.of(lines));
        return assertThrows(InputException.class, () -> RecordedResponsesLoader.variant(f, "A", cases, golden));
    }

    private static String[] rows(String first, int from) {
        String[] out = new String[10 - from + 1];
        out[0] = first;
        for (int i = from; i < 10; i++) out[i - from + 1] = "{\"id\": \"c" + i + "\", \"output\": \"x\"}";
        return out;
    }

    @Test
    void jsonlCsvAndCombinedFilesGiveTheSameOutputsWithOptionalNumbers() {
        RecordedResponses a = RecordedResponsesLoader.variant(dir.resolve("a.jsonl"), "A", cases, golden);
        RecordedResponses b = RecordedResponsesLoader.variant(dir.resolve("b.csv"), "B", cases, golden);
        Recorded both = RecordedResponsesLoader.combined(dir.resolve("both.jsonl"), cases, golden);
        for (int i = 0; i < 10; i++) {
            assertEquals(RecordedFixture.OUT_A, a.side("c" + i).output());
            assertEquals(RecordedFixture.outB(i), b.side("c" + i).output());
            assertEquals(RecordedFixture.outB(i), both.b().side("c" + i).output());
            assertEquals(RecordedFixture.OUT_A, both.a().side("c" + i).output());
        }
        assertEquals(100, a.side("c3").latencyMillis());
        assertEquals(203, b.side("c3").latencyMillis());
        assertEquals(0, both.a().side("c3").latencyMillis(), "absent numbers are 0");
        // A per-variant responses: may name the combined file and reads its own slot's column.
        assertEquals(RecordedFixture.outB(9), RecordedResponsesLoader.variant(dir.resolve("both.jsonl"), "B", cases, golden).side("c9").output());
    }

    @Test
    void aDuplicateIdNamesBothLines() throws IOException {
        String[] lines = rows("{\"id\": \"c0\", \"output\": \"x\"}", 0);
        InputException e = fails("dup.jsonl", lines);
        assertEquals(2, e.line());
        assertEquals("id", e.field());
        assertTrue(e.describe().contains("dup.jsonl:2: id: duplicate id 'c0' (first at line 1)"), e.describe());
    }

    @Test
    void anIdOutsideTheGoldenSetIsNamedWithASuggestion() throws IOException {
        InputException e = fails("unknown.jsonl", rows("{\"id\": \"c00\", \"output\": \"x\"}", 0));
        assertTrue(e.describe().contains("unknown.jsonl:1: id: no case 'c00' in the golden set") && e.describe().contains("did you mean"), e.describe());
    }

    @Test
    void aMissingCaseNamesTheGoldenSetLine() throws IOException {
        String[] lines = rows("{\"id\": \"c1\", \"output\": \"x\"}", 2); // c0 is never given
        InputException e = fails("missing.jsonl", lines);
        assertEquals("id", e.field());
        assertTrue(e.describe().contains("no recorded output for case 'c0' (" + golden + ":1)"), e.describe());
    }

    @Test
    void aMissingOrNonTextOutputNamesTheField() throws IOException {
        assertTrue(fails("noout.jsonl", rows("{\"id\": \"c0\", \"answer\": \"x\"}", 1)).describe().contains("noout.jsonl:1: output: required field is missing"));
        assertTrue(fails("num.jsonl", rows("{\"id\": \"c0\", \"output\": 42}", 1)).describe().contains("num.jsonl:1: output: expected a string, got number"));
        Path f = dir.resolve("half.jsonl");
        Files.writeString(f, "{\"id\": \"c0\", \"output_a\": \"x\"}\n");
        InputException e = assertThrows(InputException.class, () -> RecordedResponsesLoader.combined(f, cases, golden));
        assertTrue(e.describe().contains("half.jsonl:1: output_b: required field is missing"), e.describe());
    }

    @Test
    void badNumbersAndMalformedRowsNameTheLine() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "id,output,latency_ms\nc0,\"multi\nline\",12\nc1,x,soon\n");
        InputException e = assertThrows(InputException.class, () -> RecordedResponsesLoader.variant(csv, "A", cases, golden));
        assertTrue(e.describe().contains("bad.csv:4: latency_ms: expected a number, got 'soon'"), "a quoted newline shifts the line: " + e.describe());
        assertTrue(fails("neg.jsonl", rows("{\"id\": \"c0\", \"output\": \"x\", \"cost_usd\": -1}", 1)).describe().contains("neg.jsonl:1: cost_usd: must be a number >= 0"));
        assertTrue(fails("broken.jsonl", "{\"id\": ").describe().contains("broken.jsonl:1: malformed JSON"));
        assertTrue(fails("empty.jsonl", "").describe().contains("no responses"));
    }

    @Test
    void theCliExitsTwoAndCreatesNothing() throws IOException {
        Files.writeString(dir.resolve("b.csv"), Files.readString(dir.resolve("b.csv")).replace("c4,", "c44,"));
        CliRun run = CliRun.of("run", RecordedFixture.config(dir, "judge: {type: reference}", "").toString());
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), run.exitCode());
        assertTrue(run.err().contains("b.csv:6: id: no case 'c44'"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(Files.exists(dir.resolve("reports")));
    }
}
