package dev.promptarena.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.input.Hashing;
import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSONL golden set read back from its file: the same cases, lines and errors as reading it whole, and no silent change. */
class GoldenSetTest {
    @TempDir Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private Path write(String name, String text) throws IOException { return write(name, text.getBytes(StandardCharsets.UTF_8)); }

    /** Every case, parsed the way the loader read whole files before (BufferedReader lines, JsonlObjects). */
    private static List<GoldenCase> whole(Path p) throws IOException {
        try (var r = Files.newBufferedReader(p)) {
            return JsonlObjects.read(p, r, (line, node) -> DatasetLoader.fromJson(p, line, node, node.toString()));
        }
    }

    @Test
    void readsBackTheCasesAndLineNumbersOfEveryLineEnding() throws IOException {
        // A byte-order mark, \r\n, a lone \r (a line end for BufferedReader too), blank lines, no final newline, non-ASCII text.
        Path p = write("g.jsonl", "\uFEFF{\"id\":\"a\",\"q\":\"é ü 漢\",\"tags\":[\"x\"]}\r\n\r\n{\"id\":\"b\",\"q\":\"2\"}\r"
                + "{\"id\":\"c\",\"tags\":{\"k\":\"v\"}}\n   \n{\"id\":\"d\",\"reference\":\"r\",\"tags\":[\"x\"]}");
        GoldenSet set = new DatasetLoader().load(p);
        List<GoldenCase> expected = whole(p);
        assertEquals(4, expected.size());
        assertEquals(expected, new ArrayList<>(set), "iterating reads every case back");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), set.get(i));
            assertEquals(expected.get(i).line(), set.get(i).line());
            assertEquals(expected.get(i).id(), set.id(i));
            assertEquals(expected.get(i).tags(), set.tags(i));
        }
        assertEquals(List.of(1, 3, 4, 6), set.stream().map(GoldenCase::line).toList());
        assertEquals("é ü 漢", set.get(0).fields().get("q"));
        assertTrue(set.tags(0) == set.tags(3), "equal tag maps are shared, not held once a case");
        assertEquals(Set.of("k", "x"), set.tagKeys());
        assertEquals(Hashing.sha256(Files.readAllBytes(p)), set.sha256(), "the manifest's hash of the file's bytes");
    }

    @Test
    void viewsSelectWithoutCopyingAndShuffleAsCollectionsShuffleDoes() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 40; i++) s.append("{\"id\":\"c").append(i).append("\",\"q\":\"").append(i).append("\"}\n");
        GoldenSet set = new DatasetLoader().load(write("g.jsonl", s.toString()));
        List<GoldenCase> copy = new ArrayList<>(set);
        Collections.shuffle(copy, new Random(7));
        GoldenSet shuffled = set.shuffled(new Random(7));
        assertEquals(copy, new ArrayList<>(shuffled));
        assertEquals(copy.stream().map(GoldenCase::id).toList(), shuffled.ids());
        assertEquals(copy.get(5), shuffled.get(5));
        assertEquals(List.of("c0", "c1", "c2"), set.first(3).ids());
        // No blank line and no tags: the store keeps neither line numbers nor tag codes, and gives the same.
        assertEquals(List.of(1, 2, 40), List.of(set.get(0).line(), set.get(1).line(), set.get(39).line()));
        assertEquals(List.of(2, 40), List.of(shuffled.get(copy.indexOf(set.get(1))).line(), copy.get(copy.indexOf(set.get(39))).line()));
        assertEquals(Map.of(), set.tags(17));
        assertEquals(List.of("c1", "c10", "c11"), set.filter(id -> id.startsWith("c1")).first(3).ids());
        assertEquals(List.of(copy.get(39), copy.get(0)), new ArrayList<>(shuffled.select(new int[] {39, 0})));
        assertEquals(set, GoldenSet.of(new ArrayList<>(set)), "a golden set built in memory is equal to the file's");
    }

    @Test
    void aLineEditedDuringTheRunStopsItWithTheFileAndLine() throws IOException {
        Path p = write("g.jsonl", "{\"id\":\"a\",\"q\":\"one\"}\n{\"id\":\"b\",\"q\":\"two\"}\n");
        GoldenSet set = new DatasetLoader().load(p);
        Files.writeString(p, "{\"id\":\"a\",\"q\":\"one\"}\n{\"id\":\"b\",\"q\":\"TWO\"}\n"); // same size, other text
        assertEquals("one", set.get(0).fields().get("q"), "an unchanged line still reads");
        InputException e = assertThrows(InputException.class, () -> set.get(1));
        assertEquals(p, e.file());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("changed since the run read it"), e.getMessage());
        Iterator<GoldenCase> it = set.iterator();
        it.next();
        assertThrows(InputException.class, it::next);

        Files.writeString(p, "{\"id\":\"a\",\"q\":\"one\"}\n");
        InputException shorter = assertThrows(InputException.class, () -> set.get(0));
        assertTrue(shorter.getMessage().contains("bytes then"), shorter.getMessage());
    }

    @Test
    void errorsAreTheOnesReadingTheWholeFileGave() throws IOException {
        // The first case (in file order) whose id came before: b at line 3, not a at line 4.
        Path dup = write("d.jsonl", "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"b\"}\n{\"id\":\"a\"}\n");
        InputException d = assertThrows(InputException.class, () -> new DatasetLoader().load(dup));
        assertEquals(3, d.line());
        assertEquals("id", d.field());
        assertTrue(d.getMessage().contains("duplicate id 'b' (first at line 2)"), d.getMessage());

        Path bad = write("u.jsonl", new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, '"', '}', '\n'});
        InputException u = assertThrows(InputException.class, () -> new DatasetLoader().load(bad));
        assertEquals(List.of(1, "not valid UTF-8 text (save the file as UTF-8)"), List.of(u.line(), u.getMessage()));

        Path crlf = write("m.jsonl", "{\"id\":\"a\"}\r\n{\"id\": \r\n");
        InputException m = assertThrows(InputException.class, () -> new DatasetLoader().load(crlf));
        assertEquals(2, m.line());
        assertTrue(m.getMessage().contains("malformed JSON"), m.getMessage());
    }

    @Test
    void csvStaysInMemoryWithTheSameHash() throws IOException {
        Path p = write("g.csv", "id,q,tags.k\n1,\"a\nb\",v\n2,c,\n");
        GoldenSet set = new DatasetLoader().load(p);
        assertEquals(Hashing.sha256(Files.readAllBytes(p)), set.sha256());
        assertEquals(Map.of("k", "v"), set.tags(0));
        assertEquals(List.of("1", "2"), set.ids());
        assertNull(GoldenSet.of(List.of(set.get(1))).sha256(), "cases built in code have no file to hash");
    }
}
