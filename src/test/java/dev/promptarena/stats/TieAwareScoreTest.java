package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values: src/test/resources/reference/validity.py (scipy optimize.brentq on the score equation). */
class TieAwareScoreTest {
    private static final double TOL = 1e-9;

    private static void check(List<TieAwareScore.Group> groups, double alpha, double est, double lo, double hi) {
        Interval ci = TieAwareScore.interval(groups, alpha);
        assertEquals(est, TieAwareScore.estimate(groups), TOL);
        assertEquals(lo, ci.lower(), TOL);
        assertEquals(hi, ci.upper(), TOL);
        assertEquals(1 - alpha, ci.level(), 0);
    }

    @Test
    void oneGroupWithoutTiesIsWilson() {
        // statsmodels proportion_confint(57, 100, method="wilson") = 0.47215389549212305 0.6626670147588988
        check(List.of(TieAwareScore.Group.of(57, 0, 43)), 0.05, 0.57, 0.4721538954921232, 0.6626670147588989);
        Interval w = WilsonScore.interval(57, 100, 0.05);
        assertEquals(w.lower(), TieAwareScore.interval(List.of(TieAwareScore.Group.of(57, 0, 43)), 0.05).lower(), 1e-12);
    }

    @Test
    void tiesNarrowTheIntervalBelowWilson() {
        // validity.py: tieaware [(40, 30, 30)] 0.05
        check(List.of(TieAwareScore.Group.of(40, 30, 30)), 0.05, 0.55, 0.46824538320256215, 0.6280552669767393);
        Interval wilson = WilsonScore.interval(55, 100, 0.05);
        assertTrue(wilson.upper() - wilson.lower() > 0.1595 && 0.6280552669767393 - 0.46824538320256215 < 0.16);
    }

    @Test
    void twoPresentationOrdersAreAveraged() {
        // validity.py: tieaware [(60, 20, 20), (35, 25, 40)] 0.05 and [(9, 1, 0), (7, 2, 1)] 0.1
        check(List.of(TieAwareScore.Group.of(60, 20, 20), TieAwareScore.Group.of(35, 25, 40)), 0.05,
                0.5874999999999999, 0.5286565815657521, 0.6430454863182264);
        check(List.of(TieAwareScore.Group.of(9, 1, 0), TieAwareScore.Group.of(7, 2, 1)), 0.10,
                0.875, 0.7308628901040373, 0.9297687318752393);
    }

    @Test
    void aJudgeThatAlwaysPicksTheFirstSlotGivesOneHalfAndCannotClearIt() {
        // validity.py: tieaware [(100, 0, 0), (0, 0, 100)] 0.05 -> 0.5 0.5 0.5
        check(List.of(TieAwareScore.Group.of(100, 0, 0), TieAwareScore.Group.of(0, 0, 100)), 0.05, 0.5, 0.5, 0.5);
        // Unequal groups (an odd stratum): the estimate is still exactly 1/2 and the lower bound never above it.
        Interval odd = TieAwareScore.interval(List.of(TieAwareScore.Group.of(101, 0, 0), TieAwareScore.Group.of(0, 0, 99)), 0.05);
        assertEquals(0.5, odd.lower(), 0);
        assertTrue(odd.upper() < 0.501, "upper " + odd.upper());
    }
}
