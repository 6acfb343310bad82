package dev.promptarena.stats.sequential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequentialLookTest {
    private static final Boundaries OF = GroupSequential.compute(SequentialDesign.equallySpaced(4, Spending.OBRIEN_FLEMING, 0.05, 0.8));
    private static final Boundaries POCOCK = GroupSequential.compute(SequentialDesign.equallySpaced(4, Spending.POCOCK, 0.05, 0.8));

    @Test
    void medianUnbiasedEstimateMatchesRpact() {
        // reference/sequential.R, last block: getAnalysisResults(..., normalApproximation=TRUE)$medianUnbiasedEstimates,
        // one-sample means 0.3 per stage of 40, SD 1; Z_k = 0.3 sqrt(40k), theta = eta / sqrt(160). Tolerance 1e-5.
        assertEquals(0.28776928, StagewiseEstimate.drift(OF, 3, 0.3 * Math.sqrt(120)) / Math.sqrt(160), 1e-5);
        assertEquals(0.28504762, StagewiseEstimate.drift(POCOCK, 2, 0.3 * Math.sqrt(80)) / Math.sqrt(160), 1e-5);
        // at the first look the ordering is just Z: the estimate is the naive one
        assertEquals(3.0 / Math.sqrt(0.25), StagewiseEstimate.drift(POCOCK, 1, 3.0), 1e-6);
    }

    @Test
    void repeatedIntervalUsesTheLookBoundary() {
        // 60 wins, 20 ties, 20 losses at look 2 of a 200-case OF design: p = 0.7, Z = 40 / sqrt(80) = 4.47 >= 2.963
        SequentialLook look = SequentialLook.of(OF, 2, 60, 20, 20);
        assertEquals(LookAction.STOP_EFFICACY, look.action());
        assertEquals(40 / Math.sqrt(80), look.z(), 1e-12);
        assertEquals(0.7, look.winRate(), 1e-12);
        // SE^2 = ((60 + 20) / 400 - 0.2^2) / 100 = 0.0016; half-width = 2.963132 (rpact OF4two, look 2) * 0.04
        assertEquals(0.7 - 2.963132 * 0.04, look.repeated().lower(), 1e-5);
        assertEquals(0.7 + 2.963132 * 0.04, look.repeated().upper(), 1e-5);
        assertEquals(0.95, look.repeated().level(), 1e-9);
    }

    @Test
    void actions() {
        assertEquals(LookAction.CONTINUE, SequentialLook.of(OF, 1, 30, 5, 15).action()); // Z = 2.45 < 4.33
        assertEquals(LookAction.STOP_HARM, SequentialLook.of(OF, 3, 10, 10, 50).action()); // Z = -5.16
        assertEquals(LookAction.END, SequentialLook.of(OF, 4, 90, 20, 90).action());
        Boundaries fut = GroupSequential.compute(SequentialDesign.equallySpaced(4, Spending.OBRIEN_FLEMING, 0.05, 0.8).withFutility(Spending.OBRIEN_FLEMING));
        assertTrue(fut.futility().get(1) > 0, fut.futility().toString());
        assertEquals(LookAction.STOP_FUTILITY, SequentialLook.of(fut, 2, 40, 20, 40).action()); // Z = 0 below the look-2 futility value
        assertThrows(IllegalArgumentException.class, () -> SequentialLook.of(OF, 5, 1, 1, 1));
        assertEquals(List.of(-4.332634, -2.963132, -2.359044, -2.014090).size(), OF.lower().size());
    }

    @Test
    void theScoreStatisticIgnoresTiesAndStaysFinite() {
        assertEquals(0, TieScore.z(0, 7, 0));
        assertEquals(Math.sqrt(10), TieScore.z(10, 0, 0), 1e-12);
        // Var s = w + t/4 - p^2: w 0.5, t 0.2 -> p 0.6, 0.5 + 0.05 - 0.36 = 0.19 = p(1-p) - t/4
        assertEquals(0.19, TieScore.variance(0.6, 0.2), 1e-12);
        assertEquals(0.2, TieScore.nullVariance(0.2), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> TieScore.variance(0.95, 0.2));
    }
}
