package dev.promptarena.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.judge.JudgeStatus;
import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.VerdictCombiner;
import dev.promptarena.stats.Winner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** CaseFacts.of in plain loops gives exactly the facts of its former stream form, on cases of every shape. */
class CaseFactsTest {
    @Test
    void theLoopsGiveTheFactsOfTheStreamForm() {
        List<String> axes = List.of("clarity", "accuracy", "policy");
        Random rnd = new Random(5);
        CaseRecord base = ReportFixtures.hostile(1).cases().get(0);
        int flipped = 0, disagree = 0, unscored = 0;
        for (int c = 0; c < 3_000; c++) {
            List<JudgeTrace> traces = new ArrayList<>();
            for (int t = rnd.nextInt(7); t > 0; t--) {
                // two judges, two samples, both orders; unparseable votes and axes some votes do not score
                Winner w = Winner.values()[rnd.nextInt(Winner.values().length)];
                Map<String, Integer> sa = new HashMap<>(), sb = new HashMap<>();
                for (String axis : axes) {
                    if (rnd.nextInt(4) > 0) sa.put(axis, 1 + rnd.nextInt(5));
                    if (rnd.nextInt(4) > 0) sb.put(axis, 1 + rnd.nextInt(5));
                }
                traces.add(new JudgeTrace("j" + rnd.nextInt(2), rnd.nextInt(2), rnd.nextBoolean(),
                        w == Winner.UNPARSEABLE ? JudgeStatus.UNPARSEABLE : JudgeStatus.OK, w, sa, sb, "", "", false, null, 0, false));
            }
            CaseRecord r = new CaseRecord("c" + c, 0, Map.of(), "q", base.a(), base.b(), traces);
            CaseFacts loops = CaseFacts.of(r, axes);
            assertEquals(streamForm(r, axes), loops, "case " + c);
            flipped += loops.flipped() ? 1 : 0;
            disagree += loops.disagree() ? 1 : 0;
            unscored += loops.worstDrop() == null ? 1 : 0;
        }
        assertTrue(flipped > 100 && disagree > 100 && unscored > 100, flipped + " " + disagree + " " + unscored);
    }

    /** The former CaseFacts.of, word for word. */
    private static CaseFacts streamForm(CaseRecord r, List<String> axes) {
        List<JudgeTrace> ok = r.traces().stream().filter(t -> t.winner() != Winner.UNPARSEABLE).toList();
        Map<String, Double> a = new LinkedHashMap<>();
        Map<String, Double> b = new LinkedHashMap<>();
        Double worst = null;
        String worstAxis = null;
        for (String axis : axes) {
            Double ma = mean(ok, t -> t.scoresA().get(axis));
            Double mb = mean(ok, t -> t.scoresB().get(axis));
            a.put(axis, ma);
            b.put(axis, mb);
            if (ma != null && mb != null && (worst == null || ma - mb > worst)) {
                worst = ma - mb;
                worstAxis = axis;
            }
        }
        boolean flipped = ok.stream().anyMatch(x -> ok.stream().anyMatch(y -> x.bFirst() != y.bFirst()
                && x.judge().equals(y.judge()) && x.sample() == y.sample() && x.winner() != y.winner()));
        boolean disagree = ok.stream().map(JudgeTrace::winner).distinct().count() > 1;
        return new CaseFacts(r, VerdictCombiner.combine(r.outcome()), a, b, worst, worstAxis, flipped, disagree);
    }

    private static Double mean(List<JudgeTrace> traces, Function<JudgeTrace, Integer> score) {
        OptionalDouble m = traces.stream().map(score).filter(Objects::nonNull).mapToInt(Integer::intValue).average();
        return m.isPresent() ? m.getAsDouble() : null;
    }
}
