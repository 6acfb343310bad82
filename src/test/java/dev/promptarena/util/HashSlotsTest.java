package dev.promptarena.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link HashSlots}: colliding hashes coexist (told apart by the caller's test), growth keeps every entry. */
class HashSlotsTest {
    @Test
    void growthKeepsEveryEntryAndReplacesOnlyTheSameKey() {
        HashSlots t = new HashSlots();
        int n = 200_000;
        // Values are the key itself; hash = key / 3, so keys 3m, 3m+1, 3m+2 share a hash.
        for (long k = 0; k < n; k++) {
            long key = k;
            assertEquals(-1, t.put(key / 3, key, v -> v == key));
        }
        assertEquals(n, t.size());
        for (long k = 0; k < n; k++) {
            long key = k;
            assertEquals(key, t.get(key / 3, v -> v == key));
        }
        assertEquals(-1, t.get(n, v -> true), "absent hash");
        assertEquals(-1, t.get(0, v -> v == 99), "present hash, other key");
        // Rewriting a key replaces its value and reports the old one; the table does not grow.
        assertEquals(4, t.put(1, 4, v -> v == 4));
        assertEquals(n, t.size());
        // Filled to at most 3/4; grown by 1.5x, so at least half full right after a growth.
        assertTrue(t.capacity() * 3L >= n * 4L && t.capacity() <= n * 2L * 3 / 2, "capacity " + t.capacity());
    }

    @Test
    void hashZeroIsStored() {
        HashSlots t = new HashSlots();
        t.put(0, 10, v -> v == 10);
        t.put(1, 11, v -> v == 11);
        assertEquals(10, t.get(0, v -> v == 10));
        assertEquals(11, t.get(1, v -> v == 11));
        assertEquals(2, t.size());
    }
}
