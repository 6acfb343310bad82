package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14 item 8: a failed judge call is a judge error, never an unparseable vote. */
class JudgeFailedVotesTest {
    private static final Side OK = new Side("w w", 10, 0.001, 2, false, null, false);

    private static Vote vote(Winner w, boolean bFirst) { return new Vote("j", 0, bFirst, w, Map.of(), Map.of()); }

    private static Vote failed(boolean bFirst) { return new Vote("j", 0, bFirst, Winner.UNPARSEABLE, Map.of(), Map.of(), false, true); }

    private static CaseOutcome outcome(String id, Vote... votes) { return new CaseOutcome(id, 0, Map.of(), OK, OK, List.of(votes), 0); }

    @Test
    void anOutcomeWhoseOnlyJudgeCallsFailedIsAnErrorNotUnparseable() {
        assertEquals(Verdict.ERROR, VerdictCombiner.combine(outcome("c", failed(false))));
        assertEquals(Verdict.ERROR, VerdictCombiner.combine(outcome("c", failed(false), failed(true))));
        // One reply unreadable, the other call failed: nothing was judged and a call failed, so an error.
        assertEquals(Verdict.ERROR, VerdictCombiner.combine(outcome("c", vote(Winner.UNPARSEABLE, false), failed(true))));
        assertEquals(Verdict.UNPARSEABLE, VerdictCombiner.combine(outcome("c", vote(Winner.UNPARSEABLE, false), vote(Winner.UNPARSEABLE, true))));
        // A readable verdict beside a failed call still scores the outcome.
        assertEquals(Verdict.B, VerdictCombiner.combine(outcome("c", vote(Winner.B, false), failed(true))));
    }

    @Test
    void failedCallsCountAsJudgeErrorsAndStayOutOfTheUnparseableRate() {
        List<JudgedOutcome> judged = JudgedOutcome.of(List.of(
                outcome("c0", failed(false), failed(true)),                         // judge error
                outcome("c1", vote(Winner.B, false), failed(true)),                 // scored, one failed call
                outcome("c2", vote(Winner.UNPARSEABLE, false), vote(Winner.A, true)), // scored, one unreadable reply
                outcome("c3", vote(Winner.TIE, false), vote(Winner.TIE, true))));
        OperationalMetrics m = OperationalAnalysis.analyze(judged, List.of());
        assertEquals(1, m.errorOutcomes());
        assertEquals(0.25, m.errorRate(), 1e-12);
        assertEquals(1, m.judgeErrorOutcomes());
        assertEquals(3, m.judgeFailedVotes());
        assertEquals(5, m.votes(), "replies on the three outcomes without errors: the failed call of c1 is no reply");
        assertEquals(1, m.unparseableVotes());
        assertEquals(0.2, m.unparseableRate(), 1e-12);
        assertEquals(0, m.unparseableOutcomes());
    }

    @Test
    void aGenerationErrorIsNotAJudgeError() {
        Side failedSide = new Side("", 1, 0, 0, true, "timeout", false);
        List<JudgedOutcome> judged = JudgedOutcome.of(List.of(new CaseOutcome("c", 0, Map.of(), failedSide, OK, List.of(), 0)));
        OperationalMetrics m = OperationalAnalysis.analyze(judged, List.of());
        assertEquals(1, m.errorOutcomes());
        assertEquals(0, m.judgeErrorOutcomes());
    }
}
