package dev.promptarena.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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

    @Test
    void balancedPlanShowsBFirstInExactlyHalfOfEachStratumWhateverTheSeed() {
        List<OrderAssigner.Unit> units = new ArrayList<>();
        for (int i = 0; i < 200; i++) units.add(new OrderAssigner.Unit("c" + i, 0, i < 71 ? "billing" : i < 150 ? "shipping" : "returns"));
        for (long seed = 0; seed < 50; seed++) {
            OrderAssigner plan = OrderAssigner.balanced(seed, units);
            int billing = 0, shipping = 0, returns = 0;
            for (int i = 0; i < 200; i++) {
                if (!plan.bFirst("c" + i, 0)) continue;
                if (i < 71) billing++; else if (i < 150) shipping++; else returns++;
            }
            // 71 and 79 are odd: their middle units go to opposite sides, so the run as a whole is exactly 100/100.
            assertTrue(billing == 35 || billing == 36, "seed " + seed + ": " + billing);
            assertTrue(shipping == 39 || shipping == 40, "seed " + seed + ": " + shipping);
            assertEquals(25, returns, "seed " + seed);
            assertEquals(100, billing + shipping + returns, "seed " + seed);
        }
    }

    @Test
    void balancedPlanIsAPermutationThatDependsOnTheSeedNotOnTheInputOrder() {
        List<OrderAssigner.Unit> units = new ArrayList<>();
        for (int i = 0; i < 100; i++) units.add(new OrderAssigner.Unit("c" + i, 0, ""));
        List<OrderAssigner.Unit> reversed = new ArrayList<>(units);
        java.util.Collections.reverse(reversed);
        OrderAssigner a = OrderAssigner.balanced(7, units), b = OrderAssigner.balanced(7, reversed), c = OrderAssigner.balanced(8, units);
        int differ = 0;
        for (int i = 0; i < 100; i++) {
            assertEquals(a.bFirst("c" + i, 0), b.bFirst("c" + i, 0));
            if (a.bFirst("c" + i, 0) != c.bFirst("c" + i, 0)) differ++;
        }
        assertTrue(differ > 20, "a new seed reshuffles the plan: " + differ);
    }
}
