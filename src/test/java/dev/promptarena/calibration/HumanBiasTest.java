package dev.promptarena.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
        assertEquals(1.0, b.firstSlotShare());
        assertEquals(1.0, b.longerShare());
        // Wilson interval for 8 of 8 (statsmodels proportion_confint(8, 8, method="wilson"): 0.6755924351161198, 1.0).
        assertEquals(0.6755924351161198, b.firstSlot().lower(), 1e-12);
        HumanBias none = HumanBias.of(judged, new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 0.05);
        // Humans say B everywhere: the wrong votes are the A votes (A shown first), for the shorter output.
        assertEquals(10, none.wrongVotes());
        assertEquals(1.0, none.firstSlotShare());
        assertEquals(0.0, none.longerShare());
        assertEquals(10, HumanBias.of(judged, filled(0), 0.05).wrongVotes());
        assertNull(HumanBias.of(judged, filled(Double.NaN), 0.05).firstSlot());
    }

    private static double[] filled(double v) {
        double[] x = new double[10];
        java.util.Arrays.fill(x, v);
        return x;
    }
}
