package dev.promptarena.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrderAssignerTest {
    @Test
    void isReplayableAndBalanced() {
        OrderAssigner a = new OrderAssigner(42);
        OrderAssigner again = new OrderAssigner(42);
        int bFirst = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            assertEquals(a.bFirst("case-" + i, 0), again.bFirst("case-" + i, 0));
            if (a.bFirst("case-" + i, 0)) bFirst++;
        }
        // A fair coin: 4000 flips land within 4000/2 +- 4 sd (sd = sqrt(1000) ~ 31.6) essentially always.
        assertTrue(Math.abs(bFirst - n / 2) < 130, "B first " + bFirst + " of " + n);
    }

    @Test
    void dependsOnSeedCaseAndRepeat() {
        OrderAssigner a = new OrderAssigner(1);
        OrderAssigner b = new OrderAssigner(2);
        int differSeed = 0, differRepeat = 0;
        for (int i = 0; i < 200; i++) {
            if (a.bFirst("c" + i, 0) != b.bFirst("c" + i, 0)) differSeed++;
            if (a.bFirst("c" + i, 0) != a.bFirst("c" + i, 1)) differRepeat++;
        }
        assertNotEquals(0, differSeed);
        assertNotEquals(0, differRepeat);
    }
}
