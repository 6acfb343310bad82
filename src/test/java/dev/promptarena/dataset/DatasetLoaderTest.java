package dev.promptarena.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {
    @TempDir Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void readsJsonlWithReservedKeysAndTags() throws IOException {
        Path p = file("g.jsonl", """
                {"id": "c1", "question": "Where is my parcel?", "reference": "It ships today.", "context": "Policy X", "tags": {"category": "shipping", "difficulty": "hard"}}

                {"id": 2, "question": "Refund?", "messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}
                """);
        List<GoldenCase> cases = new DatasetLoader().load(p);
        assertEquals(2, cases.size());
        GoldenCase c = cases.get(0);
        assertEquals("Where is my parcel?", c.fields().get("question"));
        assertEquals("It ships today.", c.reference());
        assertEquals("Policy X", c.context());
        assertEquals("shipping", c.tags().get("category"));
        assertEquals(1, c.line());
        assertEquals("2", cases.get(1).id());
        assertEquals(3, cases.get(1).line(), "blank lines still count for line numbers");
        assertEquals(2, cases.get(1).messages().size());
    }

    @Test
    void fieldsAndTagsKeepTheFilesOrderSoEveryJvmWritesTheSameText() throws IOException {
        // Map.copyOf's iteration order is salted per JVM start; with 20 keys it is practically never the file's
        // order, so this fails whenever a case's maps are copied that way (a recorded variant's question text and
        // cases.jsonl then differ between two identical runs).
        List<String> keys = new java.util.ArrayList<>();
        StringBuilder json = new StringBuilder("{\"id\": \"c1\"");
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String k = "f" + (char) ('t' - i) + i;
            keys.add(k);
            json.append(", \"").append(k).append("\": \"v").append(i).append('"');
            tags.append(i == 0 ? "" : ", ").append('"').append(k).append("\": \"t").append(i).append('"');
        }
        json.append(", \"tags\": {").append(tags).append("}}\n");
        GoldenCase c = new DatasetLoader().load(file("order.jsonl", json.toString())).get(0);
        assertEquals(keys, List.copyOf(c.fields().keySet()));
        assertEquals(keys, List.copyOf(c.tags().keySet()));
    }

    @Test
    void readsCsvWithTagColumnsAndMultilineFields() throws IOException {
        Path p = file("g.csv", "id,question,reference,tags.category\n1,\"line one\nline two\",ref,billing\n2,plain,,returns\n");
        List<GoldenCase> cases = new DatasetLoader().load(p);
        assertEquals("line one\nline two", cases.get(0).fields().get("question"));
        assertEquals("billing", cases.get(0).tags().get("category"));
        assertEquals(null, cases.get(1).reference());
        assertEquals(4, cases.get(1).line(), "the second record starts on line 4 because the first spans two lines");
    }

    @Test
    void duplicateIdsNameBothLines() throws IOException {
        Path p = file("g.jsonl", "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"a\"}\n");
        InputException e = assertThrows(InputException.class, () -> new DatasetLoader().load(p));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("first at line 1"), e.getMessage());
    }

    @Test
    void malformedLineEmptySetAndMissingIdAreErrors() throws IOException {
        InputException bad = assertThrows(InputException.class, () -> new DatasetLoader().load(file("a.jsonl", "{\"id\":\"a\"}\n{\"id\": \n")));
        assertEquals(2, bad.line());
        assertTrue(bad.getMessage().startsWith("malformed JSON"));
        InputException empty = assertThrows(InputException.class, () -> new DatasetLoader().load(file("b.jsonl", "\n\n")));
        assertTrue(empty.getMessage().contains("empty"));
        InputException noId = assertThrows(InputException.class, () -> new DatasetLoader().load(file("c.jsonl", "{\"q\":\"x\"}\n")));
        assertEquals("id", noId.field());
        InputException csvCols = assertThrows(InputException.class, () -> new DatasetLoader().load(file("d.csv", "id,q\n1,a,extra\n")));
        assertEquals(2, csvCols.line());
    }

    /** Two objects on one line: the second case was dropped without a word; trailing text was ignored too. */
    @Test
    void aLineWithMoreThanOneValueIsAnErrorAtItsLine() throws IOException {
        InputException two = assertThrows(InputException.class,
                () -> new DatasetLoader().load(file("two.jsonl", "{\"id\":\"a\"}\n{\"id\":\"b\"} {\"id\":\"c\"}\n")));
        assertEquals(2, two.line());
        assertTrue(two.getMessage().contains("more than one JSON value on the line"), two.getMessage());
        InputException trailing = assertThrows(InputException.class,
                () -> new DatasetLoader().load(file("trail.jsonl", "{\"id\":\"a\"} trailing\n")));
        assertEquals(1, trailing.line());
        assertTrue(trailing.getMessage().startsWith("malformed JSON"), trailing.getMessage());
        assertEquals(1, new DatasetLoader().load(file("ok.jsonl", "{\"id\":\"a\"}   \n")).size(), "trailing blanks are fine");
    }

    @Test
    void templateCheckNamesTheCaseLineAndField() throws IOException {
        Path p = file("g.jsonl", "{\"id\":\"a\",\"question\":\"q\"}\n{\"id\":\"b\"}\n");
        List<GoldenCase> cases = new DatasetLoader().load(p);
        UserTemplate t = new UserTemplate("Q: {{question}} / {{ context }}");
        InputException e = assertThrows(InputException.class, () -> t.check(cases.get(0), p, "A"));
        assertEquals("context", e.field(), "context is a template field too, and case a has none");
        UserTemplate q = new UserTemplate("Q: {{question}}");
        q.check(cases.get(0), p, "A");
        InputException e2 = assertThrows(InputException.class, () -> q.check(cases.get(1), p, "B"));
        assertEquals(2, e2.line());
        assertEquals("question", e2.field());
        assertEquals("Q: q", q.render(cases.get(0)));
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorAtTheirLine() throws IOException {
        // A file saved as Latin-1: the error names the line, in words (the JDK's was "cannot read: Input length = 1").
        Path p = dir.resolve("latin1.jsonl");
        Files.write(p, "{\"id\": \"a\", \"q\": \"ok\"}\n\n{\"id\": \"b\", \"q\": \"Jos\u00e9\"}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        InputException e = assertThrows(InputException.class, () -> new DatasetLoader().load(p));
        assertEquals(p + ":3: not valid UTF-8 text (save the file as UTF-8)", e.describe());
    }

    @Test
    void aValueOverJacksonsLimitIsNamedWithoutAJavaMethodName() throws IOException {
        // Jackson's message ended "(20000000, from `StreamReadConstraints.getMaxStringLength()`)".
        Path p = file("huge.jsonl", "{\"id\": \"a\", \"q\": \"ok\"}\n{\"id\": \"b\", \"q\": \"" + "x".repeat(20_000_001) + "\"}\n");
        InputException e = assertThrows(InputException.class, () -> new DatasetLoader().load(p));
        assertEquals(2, e.line());
        assertEquals("too large to read: String value length (20000001) exceeds the maximum allowed (20000000)", e.getMessage());
    }
}
