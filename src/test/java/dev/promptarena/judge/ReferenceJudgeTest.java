package dev.promptarena.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.stats.Side;
import dev.promptarena.stats.Winner;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceJudgeTest {
    private static Side side(Double similarity, Object... checks) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (int i = 0; i < checks.length; i += 2) m.put((String) checks[i], (Boolean) checks[i + 1]);
        return new Side("out", 0, 0, 0, false, null, false, m, similarity);
    }

    @Test
    void moreChecksPassedWinsAndEqualCountsTie() {
        ReferenceJudge j = new ReferenceJudge(0);
        assertEquals(Winner.B, j.verdict(side(null, "x", false, "y", true), side(null, "x", true, "y", true)).winner());
        assertEquals(Winner.A, j.verdict(side(null, "x", true, "y", true), side(null, "x", true, "y", false)).winner());
        JudgeTrace tie = j.verdict(side(null, "x", true, "y", false), side(null, "x", false, "y", true));
        assertEquals(Winner.TIE, tie.winner());
        assertEquals("only A passed x; only B passed y; score A 1.0000, B 1.0000, margin 0.0000", tie.reason());
    }

    @Test
    void similarityBreaksTiesUnlessTheMarginAbsorbsIt() {
        Side a = side(0.70, "x", true), b = side(0.80, "x", true);
        assertEquals(Winner.B, new ReferenceJudge(0).verdict(a, b).winner());
        assertEquals(Winner.TIE, new ReferenceJudge(0.2).verdict(a, b).winner());
        assertTrue(new ReferenceJudge(0).verdict(a, b).reason().contains("similarity A 0.7000, B 0.8000"));
        // One side without a similarity (no reference): similarity counts for neither.
        assertEquals(Winner.TIE, new ReferenceJudge(0).verdict(side(null, "x", true), b).winner());
    }

    @Test
    void aDifferenceEqualToTheMarginIsATie() {
        assertEquals(Winner.TIE, new ReferenceJudge(1).verdict(side(null, "x", false), side(null, "x", true)).winner());
    }

    @Test
    void tracesAreOkWithAFixedOrderAndTheReferenceId() {
        JudgeTrace t = new ReferenceJudge(0).judge("c", 0, null, side(null, "x", true), side(null, "x", true)).join().get(0);
        assertEquals("reference", t.judge());
        assertEquals(JudgeStatus.OK, t.status());
        assertFalse(t.bFirst());
        assertEquals(0.0, t.costUsd());
        assertThrows(IllegalArgumentException.class, () -> new ReferenceJudge(-0.1));
    }
}
