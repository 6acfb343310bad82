package dev.promptarena.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.input.InputException;
import dev.promptarena.stats.Side;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cases.jsonl as a list: the records read back equal those written, by position and front to back. */
class StoredCasesTest {
    @TempDir Path tmp;

    private static CaseRecord record(int i) {
        // Non-ASCII text: offsets are bytes, not characters.
        Side a = new Side("Grüße, Nummer " + i + " — 日本", i, 0.001 * i, 3, false, null, false);
        Side b = new Side("", 0, 0, 0, true, "HTTP 500", false);
        return new CaseRecord("c" + i, i % 2, Map.of("k", "v" + i % 3), "q" + i, a, b, List.of());
    }

    private static String lines(List<CaseRecord> records) throws Exception {
        StringWriter w = new StringWriter();
        for (CaseRecord r : records) RunDirectory.writeJsonLine(w, r);
        return w.toString();
    }

    @Test
    void readsBackEveryRecordByPositionAndInOrderSkippingBlankLinesAndAMissingLastNewline() throws Exception {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < 3000; i++) records.add(record(i));
        String text = lines(records.subList(0, 10)) + "\n  \n" + lines(records.subList(10, records.size()));
        Path file = tmp.resolve("cases.jsonl");
        Files.writeString(file, text.substring(0, text.length() - 1), StandardCharsets.UTF_8);

        StoredCases stored = StoredCases.read(file);

        assertEquals(records.size(), stored.size());
        assertEquals(records, new ArrayList<>(stored));               // the iterator, front to back
        for (int i : new int[] {2999, 0, 10, 9, 1234}) assertEquals(records.get(i), stored.get(i), "case " + i);
        List<CaseRecord> each = new ArrayList<>();
        stored.forEach(each::add);
        assertEquals(records, each);
        assertEquals(records.subList(0, 5), StoredCases.index(file, 5, List.of()));
        assertEquals(List.of(records.get(0), records.get(7)), StoredCases.index(file, 1, List.of(records.get(7))));
    }

    @Test
    void anUnreadableLineIsAnInputErrorNamingItsLine() throws Exception {
        Path file = tmp.resolve("cases.jsonl");
        Files.writeString(file, lines(List.of(record(0), record(1))) + "{\"caseId\": \"c2\", \"repeat\": \n", StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> StoredCases.read(file));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("unreadable case record"), e.getMessage());
        InputException missing = assertThrows(InputException.class, () -> StoredCases.read(tmp.resolve("none.jsonl")));
        assertTrue(missing.getMessage().contains("cases.jsonl is missing"), missing.getMessage());
    }

    @Test
    void readUnparsedFindsAnUnreadableLineWhenItIsReadWithTheSameErrorAndLine() throws Exception {
        Path file = tmp.resolve("cases.jsonl");
        // a blank line before the bad one: its number is the file's line, not the record's position
        Files.writeString(file, lines(List.of(record(0), record(1))) + "\n{\"caseId\": \"c2\", \"repeat\": \n" + lines(List.of(record(3))),
                StandardCharsets.UTF_8);
        InputException eager = assertThrows(InputException.class, () -> StoredCases.read(file));
        StoredCases lazy = StoredCases.readUnparsed(file);
        assertEquals(4, lazy.size());
        assertEquals(record(1), lazy.get(1));
        InputException sequential = assertThrows(InputException.class, () -> lazy.forEach(r -> { }));
        InputException positional = assertThrows(InputException.class, () -> lazy.get(2));
        for (InputException e : List.of(sequential, positional)) {
            assertEquals(4, e.line());
            assertEquals(eager.getMessage(), e.getMessage());
        }
        InputException missing = assertThrows(InputException.class, () -> StoredCases.readUnparsed(tmp.resolve("none.jsonl")));
        assertTrue(missing.getMessage().contains("cases.jsonl is missing"), missing.getMessage());
    }

    @Test
    void aTappedListHandsOnEveryRecordItReadsInOrderOnlyWhenIterated() throws Exception {
        Path file = tmp.resolve("cases.jsonl");
        List<CaseRecord> records = List.of(record(0), record(1), record(2));
        Files.writeString(file, lines(records), StandardCharsets.UTF_8);
        List<CaseRecord> tapped = new java.util.ArrayList<>();
        StoredCases view = StoredCases.index(file, 2, List.of(records.get(2))).tapped(tapped::add);
        assertEquals(records.get(1), view.get(1)); // a positional read is not a pass
        assertEquals(List.of(), tapped);
        List<CaseRecord> iterated = new java.util.ArrayList<>();
        view.iterator().forEachRemaining(iterated::add);
        assertEquals(records, iterated);
        assertEquals(records, tapped);
        tapped.clear();
        view.forEach(r -> { });
        assertEquals(records, tapped);
    }

    @Test
    void onlyANewlineEndsALineAndAFileThatGrewSinceItWasIndexedIsStillRead() throws Exception {
        // cases.jsonl is split on \n only: a \r\n ending and a lone \r between JSON tokens stay in their line (as whitespace).
        Path file = tmp.resolve("cases.jsonl");
        String first = lines(List.of(record(0))).replace("\n", "\r\n");
        String second = lines(List.of(record(1))).replaceFirst(",", ",\r");
        Files.writeString(file, first + second, StandardCharsets.UTF_8);
        StoredCases stored = StoredCases.read(file);
        assertEquals(List.of(record(0), record(1)), new ArrayList<>(stored));
        StoredCases inProgress = StoredCases.index(file, 1, List.of());
        Files.writeString(file, lines(List.of(record(2))), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(record(0)), new ArrayList<>(inProgress)); // a run in progress appends behind the index
        assertEquals(record(1), StoredCases.read(file).get(1));
    }

    @Test
    void aFileCutShorterThanWhenItWasIndexedIsAnErrorNotAShortRecord() throws Exception {
        Path file = tmp.resolve("cases.jsonl");
        Files.writeString(file, lines(List.of(record(0), record(1))), StandardCharsets.UTF_8);
        StoredCases stored = StoredCases.read(file);
        Files.writeString(file, lines(List.of(record(0))), StandardCharsets.UTF_8);
        for (org.junit.jupiter.api.function.Executable read : List.<org.junit.jupiter.api.function.Executable>of(
                () -> stored.get(1), () -> stored.forEach(r -> { }))) {
            InputException e = assertThrows(InputException.class, read);
            assertTrue(e.getMessage().contains("changed since the run read it"), e.getMessage());
        }
    }

    @Test
    void aDamagedRunFileIsDescribedWithoutJavaTypeNames() throws Exception {
        // Jackson's messages were passed through: "Cannot deserialize value of type `dev.promptarena.run.Manifest` from
        // Array value (token `JsonToken.START_ARRAY`) at [Source: REDACTED (`StreamReadFeature...` disabled)...]".
        Path manifest = tmp.resolve("manifest.json");
        Files.writeString(manifest, "[1, 2]\n");
        InputException m = assertThrows(InputException.class, () -> ManifestFactory.read(manifest));
        assertEquals(manifest + ":1: cannot read manifest: not the JSON object expected here", m.describe());
        Files.writeString(manifest, "{\n  \"runId\": \"r\",\n  \"argu");
        InputException t = assertThrows(InputException.class, () -> ManifestFactory.read(manifest));
        assertEquals(manifest + ":3: cannot read manifest: malformed JSON: Unexpected end-of-input in field name", t.describe());

        Path file = tmp.resolve("cases.jsonl");
        Files.writeString(file, lines(List.of(record(0))) + "{\"caseId\": \"c1\", \"repeat\": \"x\"}\n", StandardCharsets.UTF_8);
        InputException c = assertThrows(InputException.class, () -> StoredCases.read(file));
        assertEquals(file + ":2: repeat: unreadable case record: a missing or invalid value", c.describe());
    }
}
