package dev.promptarena.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
    private static JudgeTrace vote(boolean bFirst, Winner w) { return vote("j", bFirst, w); }

    private static JudgeTrace vote(String judge, boolean bFirst, Winner w) {
        return new JudgeTrace(judge, 0, bFirst, JudgeStatus.OK, w, Map.of(), Map.of(), "", "{}", false, null, 0, false);
    }

    /** A case whose outputs have the same length (so only the slot split applies), with the given votes. */
    private static CaseRecord sameLength(String id, JudgeTrace... votes) {
        return new CaseRecord(id, 0, Map.of(), "q", new Side("one two", 0, 0, 0, false, null, false),
                new Side("three four", 0, 0, 0, false, null, false), List.of(votes));
    }

    /**
     * Humans chose A on every case, judged in both orders ("B first" puts B, the passed-over answer, first): 9 cases
     * misread (B in both orders), 8 read right, 8 wrong only with B first, 1 wrong only with B second.
     */
    private static List<CaseRecord> bothOrders(int misread, int right, int wrongOnlyFirst, int wrongOnlySecond) {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < misread; i++) records.add(sameLength("m" + i, vote(true, Winner.B), vote(false, Winner.B)));
        for (int i = 0; i < right; i++) records.add(sameLength("r" + i, vote(true, Winner.A), vote(false, Winner.A)));
        for (int i = 0; i < wrongOnlyFirst; i++) records.add(sameLength("f" + i, vote(true, Winner.B), vote(false, Winner.A)));
        for (int i = 0; i < wrongOnlySecond; i++) records.add(sameLength("s" + i, vote(true, Winner.A), vote(false, Winner.B)));
        return records;
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
        // Every case was judged in both orders, so the split's own test is the order pairs': 8 of 8 discordant pairs wrong
        // with the passed-over answer first, scipy.stats.binomtest(8, 8, 0.5).pvalue = 0.0078125; Holm with length's 1.
        assertEquals(0.0078125, b.firstSlot().p(), 1e-12);
        assertEquals(0.015625, b.firstSlot().pHolm(), 1e-12);
        assertEquals(1, b.casesLeftOut(), "the tie");
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

    /**
     * Judged in both orders, the slot split reads the order pairs: the misread cases (wrong in both orders) say nothing
     * about the slot, and 8 of the 9 discordant cases erred with the passed-over answer first. The clustered Fisher test
     * counted the misread cases' 18 wrong votes and missed it.
     */
    @Test
    void inBothOrdersTheSlotSplitIsTheSignTestOfTheDiscordantPairs() {
        JudgedCases judged = JudgedCases.of(bothOrders(9, 8, 8, 1));
        HumanBias b = HumanBias.of(judged, filled(0, judged.size()), 0.05);
        HumanBias.Split slot = b.firstSlot();
        assertNotNull(slot.pairedTest());
        assertEquals(26, slot.pairedTest().pairs());
        assertEquals(9, slot.pairedTest().discordant());
        assertEquals(8, slot.pairedTest().discordantFirst());
        assertEquals(8, slot.pairedTest().casesLeaningFirst());
        assertEquals(1, slot.pairedTest().casesLeaningSecond());
        // scipy.stats.binomtest(8, 9, 0.5).pvalue = 0.0390625 (reference/order_pairs.py); equal lengths, so Holm over one.
        assertEquals(0.0390625, slot.p(), 1e-12);
        assertEquals(0.0390625, slot.pHolm(), 1e-12);
        assertTrue(slot.biased());
        assertTrue(slot.test().p() > 0.05, "the clustered Fisher test alone did not see it: " + slot.test().p());
        assertNull(b.longer().pHolm());
    }

    /** One order per case (no pairs) keeps the clustered Fisher test; so does a run where pairs are the exception. */
    @Test
    void withoutOrderPairsTheSlotSplitStaysFisher() {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) records.add(sameLength("c" + i, vote(i % 2 == 0, i % 3 == 0 ? Winner.B : Winner.A)));
        records.add(sameLength("p", vote(true, Winner.B), vote(false, Winner.A)));
        JudgedCases judged = JudgedCases.of(records);
        HumanBias b = HumanBias.of(judged, filled(0, judged.size()), 0.05);
        assertNull(b.firstSlot().pairedTest());
        assertEquals(b.firstSlot().test().p(), b.firstSlot().p());
        assertEquals(b.firstSlot().test().p(), b.firstSlot().pHolm());
    }

    /**
     * A panel's votes are pooled, clustered by case: each member's two orders are a pair, and a case leans by the sum
     * over its pairs. Case 1: both members wrong only with B first (leans first); case 2: one member each way (no lean);
     * case 3: one member wrong only first, the other misread it (leans first).
     */
    @Test
    void aPanelsPairsArePooledAndTheCaseIsTheUnit() {
        List<CaseRecord> records = List.of(
                sameLength("c1", vote("j1", true, Winner.B), vote("j1", false, Winner.A), vote("j2", true, Winner.B), vote("j2", false, Winner.A)),
                sameLength("c2", vote("j1", true, Winner.B), vote("j1", false, Winner.A), vote("j2", true, Winner.A), vote("j2", false, Winner.B)),
                sameLength("c3", vote("j1", true, Winner.B), vote("j1", false, Winner.A), vote("j2", true, Winner.B), vote("j2", false, Winner.B)));
        JudgedCases judged = JudgedCases.of(records);
        HumanBias b = HumanBias.of(judged, filled(0, 3), 0.05);
        assertEquals(12, b.decisiveVotes());
        assertEquals(12, b.firstSlot().test().votes());
        assertEquals(7, b.wrongVotes());
        assertEquals(6, b.firstSlot().pairedTest().pairs());
        assertEquals(5, b.firstSlot().pairedTest().discordant());
        assertEquals(4, b.firstSlot().pairedTest().discordantFirst());
        assertEquals(3, b.firstSlot().pairedTest().cases());
        assertEquals(2, b.firstSlot().pairedTest().casesLeaningFirst());
        assertEquals(0, b.firstSlot().pairedTest().casesLeaningSecond());
        // scipy.stats.binomtest(2, 2, 0.5).pvalue = 0.5
        assertEquals(0.5, b.firstSlot().p(), 1e-12);
    }

    /**
     * The reference judge is shown no order (bFirst is always false): its votes count for length, never for the slot. A
     * reference judge that always says A, on cases the humans split evenly, erred exactly when the humans chose B, which
     * the slot split read as "wrong when the passed-over answer (A) sat first" and called a position bias.
     */
    @Test
    void theReferenceJudgesVotesAreNotSplitBySlot() {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(new CaseRecord("c" + i, 0, Map.of(), "q", new Side("one two three", 0, 0, 0, false, null, false),
                    new Side(i % 4 < 2 ? "one two three four" : "one two", 0, 0, 0, false, null, false),
                    List.of(vote("reference", false, Winner.A))));
        }
        JudgedCases judged = JudgedCases.of(records);
        double[] human = new double[20];
        for (int i = 0; i < 20; i++) human[i] = i % 2;
        HumanBias b = HumanBias.of(judged, human, 0.05);
        assertEquals(20, b.decisiveVotes());
        assertEquals(10, b.wrongVotes());
        assertEquals(0, b.firstSlot().test().votes());
        assertNull(b.firstSlot().pairedTest());
        assertNull(b.firstSlot().pHolm());
        assertFalse(b.firstSlot().biased());
        assertEquals(20, b.longer().test().votes());
        assertEquals(10, b.longer().test().wrong());
    }

    /**
     * A case the humans called a tie, or split on (one labeller A, one B), has no answer they passed over: none of its
     * votes counts as right or wrong, by slot or by length, and it is counted as left out. Labels go through
     * HumanCorrection as calibrate reads them.
     */
    @Test
    void humanTiesAndSplitLabelsAreLeftOutAndCounted() {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) records.add(wrongToFirstAndLonger("c" + i));
        JudgedCases judged = JudgedCases.of(records);
        List<HumanLabel> labels = List.of(new HumanLabel("c0", null, "A", "ana", 2), new HumanLabel("c1", null, "A", "ana", 3),
                new HumanLabel("c2", null, "tie", "ana", 4), new HumanLabel("c3", null, "A", "ana", 5), new HumanLabel("c3", null, "B", "bo", 6),
                new HumanLabel("c4", null, "B", "ana", 7));
        HumanCorrection.Result r = HumanCorrection.fromLabels(java.nio.file.Path.of("labels.csv"), judged, labels, 0.05);
        HumanBias b = HumanBias.of(judged, r.human(), 0.05);
        assertEquals(2, b.casesLeftOut(), "c2 a tie, c3 split between labellers; c5 unlabelled is not counted");
        assertEquals(6, b.decisiveVotes(), "c0, c1 and c4, two votes each");
        assertEquals(3, b.wrongVotes(), "one per case: B when the humans chose A, A when they chose B");
        assertEquals(6, b.firstSlot().test().votes());
        assertEquals(6, b.longer().test().votes());
        assertEquals(0, HumanBias.of(judged, filled(0, 6), 0.05).casesLeftOut());
    }

    private static double[] filled(double v, int n) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, v);
        return x;
    }
}
