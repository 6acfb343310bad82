package dev.promptarena.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.stats.sequential.LookAction;
import dev.promptarena.stats.sequential.Spending;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SequentialReplayTest {
    private static final SequentialSpec OF4 = new SequentialSpec(SequentialSpec.Method.GROUP_SEQUENTIAL,
            List.of(0.25, 0.5, 0.75, 1.0), 0, Spending.OBRIEN_FLEMING, null, 0.8);

    /** wins, then ties, then losses, shuffled with a fixed seed. */
    private static List<Double> scores(int wins, int ties, int losses, long seed) {
        List<Double> s = new ArrayList<>();
        for (int i = 0; i < wins; i++) s.add(1.0);
        for (int i = 0; i < ties; i++) s.add(0.5);
        for (int i = 0; i < losses; i++) s.add(0.0);
        Collections.shuffle(s, new java.util.Random(seed));
        return s;
    }

    @Test
    void stopsAtTheFirstCrossingLookAndReportsItsNumbers() {
        // 200 planned cases, looks at 50/100/150/200. A strong B: 70 wins, 10 ties, 20 losses in the first 100.
        List<Double> s = new ArrayList<>(scores(35, 5, 10, 1)); // first look: Z = 25 / sqrt(45) = 3.73 < 4.33
        s.addAll(scores(35, 5, 10, 2));                         // second look: Z = 50 / sqrt(90) = 5.27 >= 2.96
        SequentialReplay r = SequentialReplay.of(OF4, 0.05, 200, s);
        assertTrue(r.stopped());
        assertEquals(List.of(50, 100, 150, 200), r.lookCases());
        assertEquals(2, r.looks().size());
        assertEquals(LookAction.CONTINUE, r.looks().get(0).action());
        assertEquals(25 / Math.sqrt(45), r.looks().get(0).z(), 1e-12);
        assertEquals(LookAction.STOP_EFFICACY, r.stop().action());
        assertEquals(50 / Math.sqrt(90), r.stop().z(), 1e-12);
        assertEquals(2.963132, r.stop().efficacy(), 2e-5); // rpact OF4two, look 2
        assertEquals(100, r.stopAt());
        assertEquals(0.75, r.stop().winRate(), 1e-12);
        // the stage-wise estimate pulls the naive 0.75 towards 0.5, but stays inside the repeated CI
        assertTrue(r.adjustedWinRate() < 0.75 && r.adjustedWinRate() > r.stop().repeated().lower(), String.valueOf(r.adjustedWinRate()));
    }

    @Test
    void theStopDependsOnlyOnTheCompletePrefix() {
        // Same outcomes, replayed on every prefix length (as interim looks, a resume or a warm-cache rerun would):
        // once stopped, every longer prefix gives the same look, statistic and position.
        SplittableRandom rnd = new SplittableRandom(3);
        List<Double> s = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double u = rnd.nextDouble();
            s.add(u < 0.55 ? 1.0 : u < 0.75 ? 0.5 : 0.0);
        }
        SequentialReplay full = SequentialReplay.of(OF4, 0.05, 200, s);
        assertTrue(full.stopped());
        for (int n = 0; n <= 200; n++) {
            SequentialReplay r = SequentialReplay.of(full.boundaries(), 200, s.subList(0, n));
            if (n < full.stopAt()) {
                assertFalse(r.stopped(), "prefix " + n);
                assertNull(r.stop());
            } else {
                assertEquals(full.stopAt(), r.stopAt(), "prefix " + n);
                assertEquals(full.stop(), r.stop(), "prefix " + n);
            }
        }
    }

    @Test
    void unscoredCasesCountAsPositionsButNotAsEvidence() {
        List<Double> s = new ArrayList<>(Collections.nCopies(50, Double.NaN));
        SequentialReplay r = SequentialReplay.of(OF4, 0.05, 200, s);
        assertTrue(r.looks().isEmpty(), "a look with no scored case has no statistic");
        s.set(0, 1.0);
        assertEquals(1, SequentialReplay.of(OF4, 0.05, 200, s).looks().get(0).cases());
        assertThrows(IllegalArgumentException.class, () -> SequentialReplay.of(OF4, 0.05, 10, s));
    }

    @Test
    void everyKAndAnytime() {
        SequentialSpec every = new SequentialSpec(SequentialSpec.Method.GROUP_SEQUENTIAL, List.of(), 40, Spending.POCOCK, null, 0.8);
        assertEquals(List.of(40, 80, 100), SequentialReplay.of(every, 0.05, 100, List.of()).lookCases());
        SequentialSpec anytime = new SequentialSpec(SequentialSpec.Method.ANYTIME, List.of(), 0, Spending.OBRIEN_FLEMING, null, 0.8);
        SequentialReplay r = SequentialReplay.of(anytime, 0.05, 400, scores(300, 50, 50, 4));
        assertTrue(r.stopped() && r.csLower() > 0.5, r.toString());
        assertTrue(r.stopAt() < 400);
        SequentialReplay aa = SequentialReplay.of(anytime, 0.05, 400, scores(40, 20, 40, 5));
        assertFalse(aa.stopped());
        assertTrue(aa.csLower() <= 0.5 && aa.csUpper() >= 0.5);
    }
}
