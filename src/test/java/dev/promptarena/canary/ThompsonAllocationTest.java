package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shares against P(best) by numerical integration in scipy (canary.py "thompson": integrate.quad of
 * beta.pdf x product of the others' beta.cdf). Tolerance: 4 Monte Carlo standard errors of 200,000 draws.
 */
class ThompsonAllocationTest {
    private static void check(List<ThompsonAllocation.Arm> arms, double... expected) {
        List<ThompsonAllocation.Share> s = ThompsonAllocation.split(arms, 1, 1, 200_000, 7);
        double total = 0;
        for (int i = 0; i < expected.length; i++) {
            double se = Math.sqrt(expected[i] * (1 - expected[i]) / 200_000);
            assertEquals(expected[i], s.get(i).share(), 4 * se + 1e-5, arms.get(i).variant());
            total += s.get(i).share();
        }
        assertEquals(1.0, total, 1e-12);
    }

    @Test
    void matchesNumericalIntegration() {
        check(List.of(new ThompsonAllocation.Arm("A", 120, 380), new ThompsonAllocation.Arm("B", 135, 365)), 0.1386178261087472, 0.8613821738912532);
        check(List.of(new ThompsonAllocation.Arm("A", 40, 60), new ThompsonAllocation.Arm("B", 45, 55), new ThompsonAllocation.Arm("C", 20, 80)),
                0.23843966799623578, 0.7615500181936175, 1.0313810147468985e-05);
        check(List.of(new ThompsonAllocation.Arm("A", 3, 7), new ThompsonAllocation.Arm("B", 30, 70)), 0.5586601970931555, 0.441339802906844);
    }

    @Test
    void seededAndValidated() {
        List<ThompsonAllocation.Arm> arms = List.of(new ThompsonAllocation.Arm("A", 10, 10), new ThompsonAllocation.Arm("B", 12, 8));
        assertEquals(ThompsonAllocation.split(arms, 1, 1, 5000, 3), ThompsonAllocation.split(arms, 1, 1, 5000, 3));
        assertThrows(IllegalArgumentException.class, () -> ThompsonAllocation.split(arms.subList(0, 1), 1, 1, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new ThompsonAllocation.Arm("A", -1, 0));
    }
}
