package dev.promptarena.validity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The latency p95 guardrail's percentile bootstrap keeps its level at small n ({@link LatencyP95Aa}: lognormal
 * latencies with a long tail, A/A). The sweep over n = 30..200 (2,000 runs each, docs/statistics.md §18) found it at
 * or below γ everywhere, so no small-n rule was needed; this holds the smallest n to it.
 */
class LatencySmallNValidityTest {
    @Test
    void atThirtyCasesTheAaBreachRateStaysAtTheLevel() {
        int runs = 400;
        for (double sigma : new double[] {0.5, 1}) {
            int b = LatencyP95Aa.breaches(30, 0.5, sigma, 0.025, runs, 77_000, 2000);
            // γ = 0.025: 10 of 400 expected, binomial SE 3.1; at most level + 3 SE.
            assertTrue(b <= 10 + 3 * 3.1, "σ " + sigma + ": breached in " + b + " of " + runs);
        }
    }
}
