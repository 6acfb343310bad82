package dev.promptarena.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.calibration.CorrectionSummary.Recommendation;
import dev.promptarena.calibration.RecommendationSimulation.Judge;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How often {@code calibrate} recommends what, under simulated judges of known behaviour ({@link RecommendationSimulation},
 * 400 cases; the sweep with the old rule beside is {@code bench/calibrate-recommendation.sh}, docs/statistics.md 19.4).
 * Each bound is one the old rule fails (its rates in the comments, 2,000 runs).
 */
class CalibrationRecommendationRatesTest {
    private static final int RUNS = 200;

    private static Map<Recommendation, Double> shares(Judge j, int labels) {
        return RecommendationSimulation.shares(j, 400, labels, RUNS, 1);
    }

    @Test
    void aJudgeWithAMaterialLengthBiasIsNotTrustedOnFewLabels() {
        // +0.10 on B's win rate, agreement 0.85: the old rule (bias interval contains 0) trusted it in 42% of runs at 50 labels.
        Map<Recommendation, Double> s = shares(RecommendationSimulation.LENGTH, 50);
        assertTrue(s.get(Recommendation.TRUST) <= 0.05, "trusted a +0.10 judge: " + s);
        // With most cases labelled, the old rule (PPI++'s λ, which shrinks with the labelled share) said replace in 99.7%.
        Map<Recommendation, Double> most = shares(RecommendationSimulation.LENGTH, 300);
        assertTrue(most.get(Recommendation.CORRECT) >= 0.95, "a biased but informative judge is corrected, not replaced: " + most);
    }

    @Test
    void aGoodJudgeIsNotReplacedWhateverShareOfTheCasesIsLabelled() {
        // Agreement 0.80 (position bias 0.3, balanced order), half the cases labelled: the old rule said replace in 50%.
        Map<Recommendation, Double> position = shares(RecommendationSimulation.POSITION, 200);
        assertTrue(position.get(Recommendation.REPLACE) <= 0.02, "replaced a judge at agreement 0.80: " + position);
        // Agreement 0.93, unbiased, three quarters labelled: old rule replace 5.3%, never trust below 94.7%.
        Map<Recommendation, Double> good = shares(RecommendationSimulation.GOOD, 300);
        assertTrue(good.get(Recommendation.REPLACE) == 0.0, "replaced a good judge: " + good);
        assertTrue(good.get(Recommendation.TRUST) >= 0.75, "a good judge is trusted once the labels can show it: " + good);
    }

    @Test
    void aJudgeAtChanceIsReplacedOnceTheLabelsShowIt() {
        Map<Recommendation, Double> s = shares(RecommendationSimulation.CHANCE, 200);
        assertTrue(s.get(Recommendation.REPLACE) >= 0.9 && s.get(Recommendation.TRUST) == 0.0, "judge at chance: " + s);
    }
}
