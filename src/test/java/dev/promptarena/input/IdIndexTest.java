package dev.promptarena.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void uniqueIdsAreNumberedByPosition() {
        List<String> ids = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "case-" + (i * 7919 % 1000)).toList();
        IdIndex index = new IdIndex(ids);
        for (int i = 0; i < ids.size(); i++) assertEquals(i, index.of(ids.get(i)));
    }

    @Test
    void emptyIndexKnowsNothing() {
        assertEquals(-1, new IdIndex(List.of()).of("x"));
    }
}
