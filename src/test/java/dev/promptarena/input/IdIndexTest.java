package dev.promptarena.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.AbstractList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdIndexTest {
    @Test
    void numbersDistinctIdsInOrderOfFirstOccurrence() {
        IdIndex index = new IdIndex(List.of("c9", "a1", "c9", "b", "a1", "z"));
        assertEquals(4, index.size());
        assertEquals(0, index.of("c9"));
        assertEquals(1, index.of("a1"));
        assertEquals(2, index.of("b"));
        assertEquals(3, index.of("z"));
        assertEquals(-1, index.of("a"));
        assertEquals(-1, index.of("zz"));
    }

    @Test
    void repeatsOfEachIdAsTheJudgePlanGivesThem() {
        // (case, repeat) units: each id three times in a row, after a first id given once.
        List<String> ids = new java.util.ArrayList<>(List.of("first"));
        for (int c = 0; c < 500; c++) for (int r = 0; r < 3; r++) ids.add("case-" + c);
        IdIndex index = new IdIndex(ids);
        assertEquals(501, index.size());
        assertEquals(0, index.of("first"));
        for (int c = 0; c < 500; c++) assertEquals(c + 1, index.of("case-" + c));
    }

    @Test
    void uniqueIdsAreNumberedByPosition() {
        List<String> ids = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "case-" + (i * 7919 % 1000)).toList();
        IdIndex index = new IdIndex(ids);
        for (int i = 0; i < ids.size(); i++) assertEquals(i, index.of(ids.get(i)));
    }

    @Test
    void idsOfOneHashCodeAreToldApartByReadingThemBack() {
        // "Aa" and "BB" share String.hashCode, so every concatenation of them does too (2^8 ids, one hash).
        List<String> ids = new java.util.ArrayList<>();
        for (int m = 0; m < 256; m++) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < 8; k++) b.append((m >> k & 1) == 0 ? "Aa" : "BB");
            ids.add(b.toString());
        }
        assertEquals(1, ids.stream().mapToInt(String::hashCode).distinct().count());
        // A list that makes each id on demand, as a golden set does: equal strings, never the same object.
        IdIndex index = new IdIndex(new AbstractList<String>() {
            @Override public String get(int i) { return new String(ids.get(i)); }

            @Override public int size() { return ids.size(); }
        });
        for (int i = 0; i < ids.size(); i++) assertEquals(i, index.of(ids.get(i)));
        assertEquals(-1, index.of("AaAaAaAaAaAaAaAaAa"));
    }

    @Test
    void emptyIndexKnowsNothing() {
        assertEquals(-1, new IdIndex(List.of()).of("x"));
    }
}
