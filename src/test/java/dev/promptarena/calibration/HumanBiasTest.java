package dev.promptarena.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.judge.JudgeStatus;
import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.Side;
import dev.promptarena.stats.Winner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HumanBiasTest {
    private static JudgeTrace vote(boolean bFirst, Winner w) {
        return new JudgeTrace("j", 0, bFirst, JudgeStatus.OK, w, Map.of(), Map.of(), "", "{}", false, null, 0, false);
    }

    /** Case i: A has 3 words, B has 6; humans say A better; the judge votes B (wrong, B shown first) and A (right, A first). */
    private static CaseRecord wrongToFirstAndLonger(String id) {
        return new CaseRecord(id, 0, Map.of(), "q", new Side("one two three", 0, 0, 0, false, null, false),
                new Side("one two three four five six", 0, 0, 0, false, null, false),
                List.of(vote(true, Winner.B), vote(false, Winner.A)));
    }

    @Test
    void wrongVotesSplitBySlotAndLength() {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) records.add(wrongToFirstAndLonger("c" + i));
        JudgedCases judged = JudgedCases.of(records);
        double[] human = new double[10];
        human[9] = Double.NaN; // unlabelled: left out
        human[8] = 0.5; // tie: left out
        HumanBias b = HumanBias.of(judged, human, 0.05);
        assertEquals(16, b.decisiveVotes());
        assertEquals(8, b.wrongVotes());
        // Every wrong vote picked the first slot, where the answer the humans passed over sat in half the votes.
        assertEquals(1.0, b.firstSlot().test().share());
        assertEquals(0.5, b.firstSlot().test().expectedShare());
        // Length: the passed-over answer (B) is the longer in every vote, so the split cannot lean: no test is possible.
        assertEquals(1.0, b.longer().test().share());
        assertEquals(1.0, b.longer().test().expectedShare());
        assertEquals(1.0, b.longer().test().p());
        // Slot: the wrong votes are exactly the votes with B first, one per case; the two votes of a case disagree, so
        // the design effect is floored at 1 and Fisher runs on [[8, 0], [0, 8]] (scipy.stats.fisher_exact: 0.000155400155...).
        assertEquals(1.0, b.firstSlot().test().designEffect());
        assertEquals(1.554001554001554e-4, b.firstSlot().test().p(), 1e-12);
        assertEquals(3.108003108003108e-4, b.firstSlot().pHolm(), 1e-12);
        assertTrue(b.firstSlot().biased());
        assertFalse(b.longer().biased());
        HumanBias none = HumanBias.of(judged, new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 0.05);
        // Humans say B everywhere: the wrong votes are the A votes (A shown first), for the shorter output.
        assertEquals(10, none.wrongVotes());
        assertEquals(1.0, none.firstSlot().test().share());
        assertEquals(0.0, none.longer().test().share());
        assertEquals(10, HumanBias.of(judged, filled(0), 0.05).wrongVotes());
        HumanBias unlabelled = HumanBias.of(judged, filled(Double.NaN), 0.05);
        assertNull(unlabelled.firstSlot().test().share());
        assertNull(unlabelled.firstSlot().pHolm());
        assertFalse(unlabelled.firstSlot().biased());
    }

    private static double[] filled(double v) {
        double[] x = new double[10];
        java.util.Arrays.fill(x, v);
        return x;
    }
}
