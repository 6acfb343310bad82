package dev.promptarena.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringColumnTest {
    @Test
    void givesBackEveryStringAppendedThroughGrowth() {
        List<String> given = new ArrayList<>();
        for (int i = 0; i < 5000; i++) given.add(i % 97 == 0 ? "" : i % 13 == 0 ? "café-ß-" + i : "c" + i);
        given.add("x".repeat(300)); // longer than the room a doubling leaves
        StringColumn column = new StringColumn();
        for (int i = 0; i < given.size(); i++) assertEquals(i, column.append(given.get(i)));
        assertEquals(given, column);
        long latin1 = column.trim().heapBytes();
        assertEquals(given, column);
        // One id outside Latin-1 after thousands inside it: the buffer turns to chars, every string stays as it was.
        given.add("日本-\uD83D\uDE00");
        column.append(given.get(given.size() - 1));
        assertEquals(given, column);
        assertTrue(column.trim().heapBytes() > latin1 + latin1 / 2, "two bytes a character once one is above 255");
        assertEquals(given.size(), column.size());
        assertNotSame(column.get(1), column.get(1), "made on demand, not held");
        assertThrows(IndexOutOfBoundsException.class, () -> column.get(given.size()));
        assertThrows(IndexOutOfBoundsException.class, () -> column.get(-1));
    }

    @Test
    void trimmedItHoldsAByteACharacterAndOneEndAString() {
        StringColumn column = new StringColumn();
        for (int i = 0; i < 100_000; i++) column.append(String.format("c%06d", i));
        assertEquals(100_000 * 7 + 4 * 100_000, column.trim().heapBytes());
        assertEquals("c099999", column.get(99_999));
        assertTrue(new StringColumn().trim().isEmpty());
    }

    /** compare is String.compareTo (UTF-16 code units), which UTF-8 byte order is not above U+E000. */
    @Test
    void comparesAsStringCompareTo() {
        String[] pool = {"", "a", "ab", "b", "c10", "c9", "\u00e9", "\u00ff", "\u00ffz", "\u0100", "\u4e2d", "\ud7ff",
            "\ue000", "\uffff", "\ud83d\ude00", "\ud800\udc00", "a\ue000", "a\ud83d\ude00"};
        // The reason chars are kept: U+E000 sorts after U+1F600 as a String and before it as UTF-8 bytes.
        assertTrue("\ue000".compareTo("\ud83d\ude00") > 0);
        assertTrue(compareUtf8("\ue000", "\ud83d\ude00") < 0);
        for (boolean latin1Only : new boolean[] {true, false}) {
            StringColumn column = new StringColumn();
            List<String> held = new ArrayList<>();
            for (String s : pool) {
                if (latin1Only && s.chars().anyMatch(c -> c > 255)) continue;
                column.append(s);
                held.add(s);
            }
            for (int i = 0; i < held.size(); i++) {
                for (int j = 0; j < held.size(); j++) {
                    assertEquals(Integer.signum(held.get(i).compareTo(held.get(j))), Integer.signum(column.compare(i, j)),
                            held.get(i) + " vs " + held.get(j));
                }
            }
        }
    }

    @Test
    void anIndexedColumnNumbersStringsInOrderOfFirstAppearance() {
        StringColumn column = StringColumn.indexed();
        Map<String, Integer> expected = new HashMap<>();
        Random r = new Random(5);
        for (int i = 0; i < 50_000; i++) {
            // Ids repeat out of order; "Aa" and "BB" have the same hashCode, so equal hashes must still be told apart.
            String id = r.nextInt(10) == 0 ? (r.nextBoolean() ? "Aa" : "BB") + r.nextInt(50) : "case-" + r.nextInt(20_000);
            if (r.nextInt(1000) == 0) id = "";
            if (r.nextInt(5000) == 0) id = "案件-" + r.nextInt(3); // turns the buffer to chars part-way, index kept
            int want = expected.computeIfAbsent(id, k -> expected.size());
            assertEquals(want, column.number(id), id);
        }
        assertEquals(expected.size(), column.size());
        expected.forEach((id, n) -> {
            assertEquals(id, column.get(n));
            assertEquals(n, column.indexOf(id));
        });
        assertEquals(-1, column.indexOf("case-20000"));
        assertFalse(column.contains("Ab0"));
        // Without the index it still finds, by looking at every string (a few: each look is linear).
        column.trim().dropIndex();
        for (String id : new String[] {"", "Aa7", "BB7", "case-7"}) assertEquals(expected.getOrDefault(id, -1), column.indexOf(id), id);
    }

    private static int compareUtf8(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8), y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }
}
