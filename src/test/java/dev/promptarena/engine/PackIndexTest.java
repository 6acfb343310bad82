package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.input.Hashing;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class PackIndexTest {
    /** Stands for the pack's segments: the key of the record at each location, as reading it back would tell. */
    private final Map<Long, String> disk = new HashMap<>();

    private void put(PackIndex index, String key, long location) {
        disk.put(location, key);
        index.put(key, location, loc -> key.equals(disk.get(loc)));
    }

    /** The location whose record is {@code key}'s, as the pack finds it among the candidates; -1 if none. */
    private long get(PackIndex index, String key) {
        for (long loc : index.candidates(key)) if (key.equals(disk.get(loc))) return loc;
        return -1;
    }

    @Test
    void findsEveryKeyThroughGrowthAndTheLatestLocationWins() {
        PackIndex index = new PackIndex();
        for (int i = 0; i < 60_000; i++) put(index, Hashing.sha256("k" + i), PackIndex.location(i % 7 + 1, 1000L * i));
        for (int i = 0; i < 60_000; i += 2) put(index, Hashing.sha256("k" + i), PackIndex.location(9, i));

        assertEquals(60_000, index.size(), "a second record of a key replaces the first");
        for (int i = 0; i < 60_000; i++) {
            long loc = get(index, Hashing.sha256("k" + i));
            assertEquals(i % 2 == 0 ? 9 : i % 7 + 1, PackIndex.segment(loc), "k" + i);
            assertEquals(i % 2 == 0 ? i : 1000L * i, PackIndex.offset(loc), "k" + i);
        }
        assertEquals(-1, get(index, Hashing.sha256("absent")));
        assertEquals(-1, get(index, "not a hash at all"));
        // 18-bit fingerprints in 256 tables: ~27 pairs of these 60,000 keys share a table and a fingerprint (~53 extra
        // candidates, Poisson); a key's candidates are almost always its own location alone.
        int extra = 0;
        for (int i = 0; i < 60_000; i++) extra += index.candidates(Hashing.sha256("k" + i)).length - 1;
        assertTrue(extra < 200, extra + " candidates of other keys");
    }

    @Test
    void keysOfOneHashAreToldApartByTheirRecords() {
        ToLongFunction<String> one = k -> 0x1234_5678_9abc_def0L;
        PackIndex index = new PackIndex(one);
        for (int i = 0; i < 300; i++) put(index, "k" + i, PackIndex.location(1, 100L * i));
        for (int i = 0; i < 300; i += 3) put(index, "k" + i, PackIndex.location(2, 7L * i));

        assertEquals(300, index.size());
        assertEquals(300, index.candidates("k0").length, "every slot shares the fingerprint");
        for (int i = 0; i < 300; i++) {
            assertEquals(i % 3 == 0 ? PackIndex.location(2, 7L * i) : PackIndex.location(1, 100L * i), get(index, "k" + i), "k" + i);
        }
        assertEquals(-1, get(index, "absent"));
    }

    @Test
    void clearGivesTheTablesBack() {
        PackIndex index = new PackIndex();
        long empty = index.tableBytes();
        for (int i = 0; i < 50_000; i++) put(index, "k" + i, PackIndex.location(1, i));
        assertTrue(index.tableBytes() > 16 * empty);
        assertTrue(index.tableBytes() <= 50_000 * 16L + empty, index.tableBytes() + " bytes for 50,000 entries");
        index.clear();
        assertEquals(0, index.size());
        assertEquals(empty, index.tableBytes());
        assertArrayEquals(new long[0], index.candidates("k1"));
    }

    @Test
    void locationsKeepTheirSegmentAndOffsetUpToTheLimits() {
        long loc = PackIndex.location(PackIndex.MAX_SEGMENT, PackIndex.MAX_OFFSET);
        assertEquals(PackIndex.MAX_SEGMENT, PackIndex.segment(loc));
        assertEquals(PackIndex.MAX_OFFSET, PackIndex.offset(loc));
        assertTrue(PackIndex.MAX_OFFSET > 4L << 30, "offsets far beyond a 256 MB segment");
        assertTrue(PackIndex.MAX_SEGMENT >= 8000, "a pack of 2 TB at 256 MB a segment");
        assertFalse(PackIndex.fits(0, 0), "segments count from 1: a location is never 0, the empty slot");
        assertFalse(PackIndex.fits(PackIndex.MAX_SEGMENT + 1, 0));
        assertFalse(PackIndex.fits(1, PackIndex.MAX_OFFSET + 1));
        assertThrows(IllegalArgumentException.class, () -> PackIndex.location(1, PackIndex.MAX_OFFSET + 1));
    }
}
