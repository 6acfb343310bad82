package dev.promptarena.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringColumnTest {
    @Test
    void givesBackEveryStringAppendedThroughGrowth() {
        List<String> given = new ArrayList<>();
        for (int i = 0; i < 5000; i++) given.add(i % 97 == 0 ? "" : i % 13 == 0 ? "café-ß-" + i + "-日本" : "c" + i);
        given.add("x".repeat(300)); // longer than the room a doubling leaves
        StringColumn column = new StringColumn();
        given.forEach(column::append);
        assertEquals(given, column);
        column.trim();
        assertEquals(given, column);
        assertEquals(given.size(), column.size());
        assertNotSame(column.get(1), column.get(1), "made on demand, not held");
        assertThrows(IndexOutOfBoundsException.class, () -> column.get(given.size()));
        assertThrows(IndexOutOfBoundsException.class, () -> column.get(-1));
    }

    @Test
    void trimmedItHoldsTheBytesAndOneEndAString() {
        StringColumn column = new StringColumn();
        for (int i = 0; i < 100_000; i++) column.append(String.format("c%06d", i));
        assertEquals(100_000 * 7 + 4 * 100_000, column.trim().heapBytes());
        assertEquals("c099999", column.get(99_999));
        assertTrue(new StringColumn().trim().isEmpty());
    }
}
