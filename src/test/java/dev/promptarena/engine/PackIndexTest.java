package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptarena.input.Hashing;
import org.junit.jupiter.api.Test;

class PackIndexTest {
    @Test
    void findsEveryKeyThroughGrowthAndTheLatestLocationWins() {
        PackIndex index = new PackIndex();
        for (int i = 0; i < 100_000; i++) index.put(Hashing.sha256("k" + i), PackIndex.location(i % 7 + 1, 1000L * i));
        for (int i = 0; i < 100_000; i += 2) index.put(Hashing.sha256("k" + i), PackIndex.location(9, i));

        assertEquals(100_000, index.size(), "a second record of a key replaces the first");
        for (int i = 0; i < 100_000; i++) {
            long loc = index.get(Hashing.sha256("k" + i));
            assertEquals(i % 2 == 0 ? 9 : i % 7 + 1, PackIndex.segment(loc), "k" + i);
            assertEquals(i % 2 == 0 ? i : 1000L * i, PackIndex.offset(loc), "k" + i);
        }
        assertEquals(-1, index.get(Hashing.sha256("absent")));
        assertEquals(-1, index.get("not a hash at all"));
    }

    @Test
    void locationsKeepLargeSegmentsAndOffsets() {
        long loc = PackIndex.location(999_999, (1L << 44) - 1);
        assertEquals(999_999, PackIndex.segment(loc));
        assertEquals((1L << 44) - 1, PackIndex.offset(loc));
    }
}
