package dev.promptarena.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptarena.judge.JudgeStatus;
import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.Side;
import dev.promptarena.stats.Verdict;
import dev.promptarena.stats.VerdictCombiner;
import dev.promptarena.stats.Vote;
import dev.promptarena.stats.Winner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link JudgedCases#of} keeps numbers, not records (issue 21): its scores and uncertainties must equal, bit for
 * bit, those of the former all-records-in-memory computation (kept below as the reference), and its records must
 * come back per case in the same order, also when a case's repeats are not adjacent and across array growth.
 */
class JudgedCasesTest {
    private static final Winner[] WINNERS = {Winner.A, Winner.B, Winner.TIE, Winner.UNPARSEABLE};

    @Test
    void equalsTheAllInMemoryComputationBitForBit() {
        SplittableRandom random = new SplittableRandom(21);
        List<CaseRecord> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String id = "c" + random.nextInt(700); // repeats scattered through the list
            List<JudgeTrace> traces = new ArrayList<>();
            for (int v = random.nextInt(4); v >= 0; v--) {
                Map<String, Integer> a = Map.of("tone", 1 + random.nextInt(5), "facts", 1 + random.nextInt(5));
                Map<String, Integer> b = random.nextInt(4) == 0 ? Map.of() : Map.of("tone", 1 + random.nextInt(5));
                traces.add(new JudgeTrace("j" + random.nextInt(2), 0, random.nextBoolean(), JudgeStatus.OK,
                        WINNERS[random.nextInt(WINNERS.length)], a, b, "", "{}", false, null, 0, false));
            }
            all.add(new CaseRecord(id, i % 3, Map.of(), "q", new Side("a b", 0, 0, 0, false, null, false),
                    new Side("a b c", 0, 0, 0, false, null, false), traces));
        }
        JudgedCases got = JudgedCases.of(all);
        Reference want = reference(all);
        assertEquals(want.ids, got.ids());
        assertArrayEquals(want.score, got.score());
        assertArrayEquals(want.uncertainty, got.uncertainty());
        assertEquals(want.records, got.records());
        assertEquals(want.records.size(), got.records().size());
    }

    private record Reference(List<String> ids, double[] score, double[] uncertainty, List<List<CaseRecord>> records) {}

    /** JudgedCases.of as it was before issue 21 (commit 217e33c), every record held in a map. */
    private static Reference reference(List<CaseRecord> all) {
        Map<String, List<CaseRecord>> byCase = new LinkedHashMap<>();
        for (CaseRecord r : all) {
            if (VerdictCombiner.combine(r.outcome()).scored()) byCase.computeIfAbsent(r.caseId(), k -> new ArrayList<>()).add(r);
        }
        List<String> ids = List.copyOf(byCase.keySet());
        double[] score = new double[ids.size()], uncertainty = new double[ids.size()];
        List<List<CaseRecord>> records = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            List<CaseRecord> rs = byCase.get(ids.get(i));
            records.add(List.copyOf(rs));
            double s = 0;
            List<Double> votes = new ArrayList<>();
            double gap = 0;
            int gaps = 0;
            for (CaseRecord r : rs) {
                Verdict v = VerdictCombiner.combine(r.outcome());
                s += v.score();
                for (Vote vote : r.outcome().votes()) {
                    if (vote.winner() == Winner.UNPARSEABLE) continue;
                    votes.add(vote.winner() == Winner.B ? 1.0 : vote.winner() == Winner.A ? 0.0 : 0.5);
                    for (Map.Entry<String, Integer> e : vote.scoresB().entrySet()) {
                        Integer a = vote.scoresA().get(e.getKey());
                        if (a != null) { gap += e.getValue() - a; gaps++; }
                    }
                }
            }
            score[i] = s / rs.size();
            double closeness = gaps == 0 ? 0 : Math.max(0, 1 - Math.abs(gap / gaps));
            double m = votes.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double variance = votes.isEmpty() ? 0 : votes.stream().mapToDouble(v -> (v - m) * (v - m)).sum() / votes.size();
            uncertainty[i] = variance + JudgedCases.FLOOR + JudgedCases.FLOOR * closeness;
        }
        return new Reference(ids, score, uncertainty, records);
    }
}
