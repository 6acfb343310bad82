package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Few seeds (deterministic); the many-seed figures are in docs/statistics.md (bench/canary-false-alarms.sh). */
class SignalFalseAlarmTest {
    @Test
    void clusteredTestHoldsItsLevelWhereTheNaiveOneDoesNot() {
        // Strong session effect (logit SD 2): 200 A/A logs. Binomial(200, 0.05): mean 10, P(> 20) < 0.003.
        double[] aa = SignalSimulation.rejectionRates(200, 0.10, 0.10, 2, 7);
        assertTrue(aa[0] <= 20 / 200.0, "clustered A/A rejection " + aa[0]);
        assertTrue(aa[1] > aa[0] + 0.04, "the naive turn-level test over-rejects: " + aa[1] + " vs " + aa[0]);
        // And it fires on a real difference: 0.10 -> 0.20 without session effect.
        assertTrue(SignalSimulation.rejectionRates(50, 0.10, 0.20, 0, 99)[0] >= 0.9);
    }
}
