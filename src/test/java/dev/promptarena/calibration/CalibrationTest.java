package dev.promptarena.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.input.InputException;
import dev.promptarena.judge.JudgeStatus;
import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.Side;
import dev.promptarena.stats.Winner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference values: src/test/resources/reference/judges.py (scikit-learn 1.2.1, statsmodels 0.13.5). */
class CalibrationTest {
    private static final Side OK = new Side("out", 1, 0, 1, false, null, false);
    private static final Path RUN = Path.of("run"), LABELS = Path.of("labels.csv");

    static CaseRecord record(String id, int repeat, String... judgeAndWinner) {
        List<JudgeTrace> traces = new ArrayList<>();
        for (int i = 0; i < judgeAndWinner.length; i += 2) {
            String w = judgeAndWinner[i + 1];
            Winner winner = w == null ? Winner.UNPARSEABLE : w.equals("tie") ? Winner.TIE : Winner.valueOf(w);
            traces.add(new JudgeTrace(judgeAndWinner[i], 0, false, w == null ? JudgeStatus.UNPARSEABLE : JudgeStatus.OK, winner, Map.of(), Map.of(),
                    "", "", false, null, 0, false));
        }
        return new CaseRecord(id, repeat, Map.of(), "q", OK, OK, traces);
    }

    private static HumanLabel label(String id, String label) { return new HumanLabel(id, null, label, "", 2); }

    @Test
    void eightLabelledCasesWithSixMatchesIs75PercentSoTheJudgeMustBeRecalibrated() {
        String[] judge = {"B", "B", "B", "A", "A", "tie", "B", "A"};
        String[] human = {"B", "B", "B", "A", "A", "tie", "A", "B"};
        List<CaseRecord> records = new ArrayList<>();
        List<HumanLabel> labels = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            records.add(record("c" + i, 0, "j", judge[i]));
            labels.add(label("c" + i, human[i]));
        }
        CalibrationResult r = Calibration.compute(RUN, LABELS, records, labels, Calibration.DEFAULT_THRESHOLD, 0.05);
        JudgeAgreement p = r.panel();
        assertEquals(8, p.items());
        assertEquals(6, p.matches());
        assertEquals(0.75, p.agreement(), 1e-12);
        assertFalse(r.trusted(), "75% is below the 80% policy");
        assertEquals("recalibrate the judge", r.verdict());
        assertEquals(7, p.decisiveItems(), "the tie is left out");
        assertEquals(5 / 7.0, p.decisiveAgreement(), 1e-12);
        // sklearn.metrics.cohen_kappa_score(human, judge)
        assertEquals(0.5789473684210527, p.kappa(), 1e-12);
        // statsmodels cohens_kappa(table).kappa_low / kappa_upp
        assertEquals(0.04367599024528257, p.kappaInterval().lower(), 1e-9);
        // statsmodels' kappa_upp is 1.1142187465968227, past the largest possible kappa: clipped to 1.
        assertEquals(1.0, p.kappaInterval().upper(), 0);
        // validity.py: proportion_confint(6, 8, method="wilson"): 8 labels cannot show 80%.
        assertEquals(0.40927543031016883, r.agreementInterval().lower(), 1e-9);
        assertEquals(0.9285207872478909, r.agreementInterval().upper(), 1e-9);
        assertArrayEquals(new int[] {2, 1, 0}, p.confusion()[0], "human A: judge A twice, B once");
        assertArrayEquals(new int[] {1, 3, 0}, p.confusion()[1]);
        assertArrayEquals(new int[] {0, 0, 1}, p.confusion()[2]);
        assertTrue(Calibration.compute(RUN, LABELS, records, labels, 0.75, 0.05).trusted(), "the threshold is inclusive");
        // The pre-registered lower-bound rule does not trust 6 of 8 even at a 0.75 threshold.
        assertFalse(Calibration.compute(RUN, LABELS, records, labels, 0.75, 0.05, CalibrationResult.Rule.LOWER_BOUND).trusted());
    }

    @Test
    void eachPanelJudgeIsCalibratedAloneAndThePanelByItsMajority() {
        List<CaseRecord> records = List.of(
                record("c1", 0, "x", "B", "y", "B", "z", "A"),
                record("c2", 0, "x", "A", "y", "B", "z", "A"),
                record("c3", 0, "x", "B", "y", null, "z", "B"));
        List<HumanLabel> labels = List.of(label("c1", "B"), label("c2", "A"), label("c3", "B"), label("gone", "A"));
        CalibrationResult r = Calibration.compute(RUN, LABELS, records, labels, 0.8, 0.05);
        assertEquals(List.of("x", "y", "z"), r.perJudge().stream().map(JudgeAgreement::judge).toList());
        assertEquals(1.0, r.perJudge().get(0).agreement());
        JudgeAgreement y = r.perJudge().get(1);
        assertEquals(2, y.items());
        assertEquals(1, y.unjudged(), "an unparseable verdict is not counted as a disagreement");
        assertEquals(0.5, y.agreement());
        assertEquals(1.0, r.panel().agreement(), "majority B, A, B");
        assertTrue(r.trusted());
        assertEquals(List.of("gone"), r.unknownCases());
    }

    @Test
    void labelsWithoutRepeatCoverEveryRepeatAndLabelersAreCombinedByMajority() {
        List<CaseRecord> records = List.of(record("c", 0, "j", "B"), record("c", 1, "j", "A"), record("d", 0, "j", "A"));
        List<HumanLabel> labels = List.of(new HumanLabel("c", null, "B", "ann", 2), new HumanLabel("d", 0, "A", "ann", 3),
                new HumanLabel("d", 0, "B", "bob", 4));
        CalibrationResult r = Calibration.compute(RUN, LABELS, records, labels, 0.8, 0.05);
        assertEquals(3, r.labelledItems());
        assertEquals(1, r.panel().matches(), "c/0 matches; c/1 does not; d splits 1-1, so the humans say tie");
        assertEquals(1, r.panel().confusion()[2][0]);
        assertEquals("tie", Calibration.majority(List.of("A", "B")));
        assertEquals("A", Calibration.majority(List.of("A", "B", "A")));
    }

    @Test
    void kappaIsReportedAsUndefinedWhenEveryoneUsesOneCategory() {
        CalibrationResult r = Calibration.compute(RUN, LABELS, List.of(record("c", 0, "j", "B")), List.of(label("c", "B")), 0.8, 0.05);
        assertNull(r.panel().kappa());
        assertTrue(r.panel().note().contains("undefined"), r.panel().note());
        assertTrue(r.trusted());
    }

    @Test
    void labelsForNoRecordedCaseAreAnInputError() {
        InputException e = assertThrows(InputException.class,
                () -> Calibration.compute(RUN, LABELS, List.of(record("c", 0, "j", "B")), List.of(label("x", "B")), 0.8, 0.05));
        assertEquals(LABELS, e.file());
        assertTrue(e.getMessage().contains("no labelled case is in the run"), e.getMessage());
    }
}
