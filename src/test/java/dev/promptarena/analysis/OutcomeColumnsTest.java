package dev.promptarena.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.GuardrailSamples;
import dev.promptarena.stats.JudgedOutcome;
import dev.promptarena.stats.OutcomeColumns;
import dev.promptarena.stats.Side;
import dev.promptarena.stats.Vote;
import dev.promptarena.stats.Winner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The analysis over the column store equals the analysis over the outcomes it was filled from: repeats that are not
 * adjacent, generation errors, failed and unparseable judge calls, a panel of two judges with samples, missing axis
 * scores, checks in two orders, similarities, tags.
 */
class OutcomeColumnsTest {
    private static final List<String> AXES = List.of("Accuracy", "Clarity");

    @Test
    void everyOutcomeComesBackWithoutItsTextButWithItsWordCount() {
        List<CaseOutcome> outcomes = outcomes(new Random(7), 300);
        OutcomeColumns columns = OutcomeColumns.of(outcomes, 10);
        assertEquals(outcomes.size(), columns.size());
        for (int i = 0; i < outcomes.size(); i++) {
            CaseOutcome o = outcomes.get(i), c = columns.get(i);
            assertEquals(withoutText(o), c, "outcome " + i);
            assertEquals(o.a().words(), c.a().words());
            assertEquals(List.copyOf(o.a().checks().keySet()), List.copyOf(c.a().checks().keySet()), "check order, outcome " + i);
        }
        assertEquals(outcomes.stream().map(CaseOutcome::caseId).distinct().count(), columns.clusters());
        assertEquals(columns.cluster(0), columns.cluster(outcomes.indexOf(outcomes.stream()
                .filter(o -> o.caseId().equals(outcomes.get(0).caseId()) && o != outcomes.get(0)).findFirst().orElseThrow())));
    }

    @Test
    void theAnalysisOverColumnsEqualsTheAnalysisOverOutcomes() {
        for (long seed = 1; seed <= 3; seed++) {
            List<CaseOutcome> outcomes = outcomes(new Random(seed), 400);
            OutcomeColumns columns = OutcomeColumns.of(outcomes, outcomes.size());
            AnalysisOptions options = new AnalysisOptions(0.05, seed, 2000, DecisionPolicy.defaults());
            AnalysisResult plain = ArenaAnalysis.analyze(outcomes, AXES, options);
            AnalysisResult lean = ArenaAnalysis.analyze(columns, AXES, options);
            // Records compare arrays by identity: the panel's agreement table is compared by content, the rest as text.
            assertArrayEquals(plain.judgePanel().agreement().table(), lean.judgePanel().agreement().table());
            assertEquals(withoutArrays(plain), withoutArrays(lean), "seed " + seed);
            assertNotEquals(plain.winRate().scored(), plain.winRate().cases(), "repeats make clusters");
            GuardrailSamples p = GuardrailSamples.of(JudgedOutcome.of(outcomes), AXES, 3, 2000);
            GuardrailSamples c = GuardrailSamples.of(JudgedOutcome.of(columns), AXES, 3, 2000);
            assertEquals(p.axisDrops().keySet(), c.axisDrops().keySet());
            p.axisDrops().forEach((axis, d) -> assertArrayEquals(d, c.axisDrops().get(axis)));
            assertArrayEquals(p.similarityDrops(), c.similarityDrops());
            assertArrayEquals(p.costIncreases(), c.costIncreases());
            assertArrayEquals(p.latencyA(), c.latencyA());
            assertArrayEquals(p.latencyB(), c.latencyB());
            assertArrayEquals(p.wordsA(), c.wordsA());
            assertArrayEquals(p.truncatedPerCase(), c.truncatedPerCase());
            assertArrayEquals(p.pairedPerCase(), c.pairedPerCase());
            assertEquals(p.paired(), c.paired());
        }
    }

    private static String withoutArrays(AnalysisResult r) {
        return r.toString().replaceAll("\\[+[A-Z]@[0-9a-f]+", "array");
    }

    /** Outcomes of {@code cases} cases, a third of them repeated later in the list (not adjacent). */
    static List<CaseOutcome> outcomes(Random r, int cases) {
        List<CaseOutcome> out = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            out.add(outcome(r, "case-" + i, 0));
            if (i % 3 == 0 && i > 0) out.add(outcome(r, "case-" + (i - 3), 1));
        }
        return out;
    }

    private static CaseOutcome outcome(Random r, String id, int repeat) {
        Map<String, String> tags = r.nextBoolean() ? Map.of("lang", r.nextBoolean() ? "en" : "de") : Map.of();
        List<Vote> votes = new ArrayList<>();
        for (String judge : List.of("judge-1", "judge-2")) {
            for (int sample = 0; sample < 2; sample++) {
                boolean bFirst = r.nextBoolean(), failed = r.nextInt(30) == 0;
                Winner w = failed || r.nextInt(20) == 0 ? Winner.UNPARSEABLE : Winner.values()[r.nextInt(3)];
                votes.add(new Vote(judge, sample, bFirst, w, scores(r), scores(r), r.nextInt(10) == 0, failed));
            }
        }
        return new CaseOutcome(id, repeat, tags, side(r), side(r), votes, r.nextDouble() / 100);
    }

    private static Map<String, Integer> scores(Random r) {
        Map<String, Integer> s = new LinkedHashMap<>();
        s.put("Accuracy", 1 + r.nextInt(5));
        if (r.nextInt(4) > 0) s.put("Clarity", 1 + r.nextInt(5));
        return s;
    }

    private static Side side(Random r) {
        if (r.nextInt(15) == 0) return new Side("", 0, 0.001, 0, true, "HTTP " + (500 + r.nextInt(3)), false);
        Map<String, Boolean> checks = new LinkedHashMap<>();
        if (r.nextBoolean()) {
            checks.put("json", r.nextBoolean());
            checks.put("length", r.nextBoolean());
        } else {
            checks.put("length", r.nextBoolean());
            checks.put("json", r.nextBoolean());
        }
        String text = " word".repeat(1 + r.nextInt(40)) + (r.nextBoolean() ? "\n\tend " : "");
        return new Side(text, 50 + r.nextInt(2000), r.nextDouble() / 1000, 10 + r.nextInt(300), false, null, r.nextInt(8) == 0,
                checks, r.nextBoolean() ? null : r.nextDouble() * 2 - 1);
    }

    private static CaseOutcome withoutText(CaseOutcome o) {
        return new CaseOutcome(o.caseId(), o.repeat(), o.tags(), blank(o.a()), blank(o.b()), o.votes(), o.judgeCostUsd());
    }

    private static Side blank(Side s) {
        return new Side("", s.latencyMillis(), s.costUsd(), s.outputTokens(), s.error(), s.errorMessage(), s.truncated(), s.checks(),
                s.similarity(), s.words());
    }
}
