package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.analysis.AnalysisOptions;
import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.analysis.ArenaAnalysis;
import dev.promptarena.decision.DecisionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The "(significant)" labels of the order test (report.html's judges table, summary.csv's first_slot_share note) say
 * what the warnings say: both read the Holm-adjusted test of the family the warning is in. They used to read the
 * unadjusted test, so with three unbiased judges some judge was labelled significant in about 14% of runs while the
 * warnings, Holm over the judges, named one in at most 5%.
 */
class OrderSignificanceLabelTest {
    private static final double ALPHA = 0.05;

    @Test
    void aPanelJudgeIsLabelledSignificantExactlyWhenItsOrderWarningFires() {
        int runs = 200, labelled = 0, rawOnly = 0;
        PanelVotes unbiased = PanelVotes.unbiased(3, 100, 0);
        for (long s = 1; s <= runs; s++) {
            JudgePanelResult r = JudgePanelAnalysis.analyze(unbiased.draw(s), ALPHA, List.of());
            boolean any = false;
            for (JudgeResult j : r.perJudge()) {
                boolean warned = r.warnings().stream().anyMatch(w -> w.startsWith("Judge " + j.judge() + " picked the response shown first"));
                assertEquals(warned, j.orderBias().significant(), "seed " + s + " judge " + j.judge() + ": " + j.orderBias());
                any |= j.orderBias().significant();
                if (j.orderBias().firstShareP() < ALPHA && !warned) rawOnly++;
            }
            if (any) labelled++;
        }
        assertTrue(rawOnly > 0, "the seeds include a judge whose unadjusted p alone is below alpha");
        // Binomial SE at 5% over 200 runs is 1.5 points; the unadjusted labels were on some judge in ~14% of runs.
        assertTrue(labelled / (double) runs <= ALPHA + 3 * Math.sqrt(ALPHA * (1 - ALPHA) / runs), "runs with a judge labelled: " + labelled);
    }

    /**
     * One judge: the run's order test is in the run's exploratory family (order, verbosity, segment reversal), and the
     * judges table's label and summary.csv's note follow that family, as the run's order warning does.
     */
    @Test
    void aLoneJudgesLabelFollowsTheRunsFamilyAsItsWarningDoes() {
        int rawOnly = 0;
        for (long s = 1; s <= 300; s++) {
            AnalysisResult a = ArenaAnalysis.analyze(singleJudge(s, 60), List.of(), AnalysisOptions.of(DecisionPolicy.defaults(), 1));
            boolean warned = a.warnings().stream().anyMatch(w -> w.startsWith("The judge picked the response shown first"));
            assertEquals(warned, a.orderBias().significant(), "seed " + s + ": " + a.orderBias());
            assertEquals(warned, a.judgePanel().perJudge().get(0).orderBias().significant(), "seed " + s + " judges table");
            if (a.orderBias().firstShareP() < ALPHA && !warned) {
                rawOnly++;
                assertTrue(a.orderBias().firstSharePAdjusted() >= ALPHA, a.orderBias().toString());
            }
        }
        assertTrue(rawOnly > 0, "the seeds include a run whose unadjusted order p alone is below alpha");
    }

    /** One unbiased judge, random order, answers of random length (so the verbosity test joins the family). */
    private static List<CaseOutcome> singleJudge(long seed, int cases) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<CaseOutcome> out = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            boolean bFirst = rng.nextBoolean();
            Winner w = rng.nextBoolean() ? Winner.B : Winner.A;
            out.add(new CaseOutcome("c" + c, 0, Map.of(), side(rng), side(rng), List.of(new Vote("j1", 0, bFirst, w, Map.of(), Map.of())), 0));
        }
        return out;
    }

    private static Side side(SplittableRandom rng) {
        return new Side("word ".repeat(5 + rng.nextInt(60)).strip(), 10, 0, 5, false, null, false);
    }
}
