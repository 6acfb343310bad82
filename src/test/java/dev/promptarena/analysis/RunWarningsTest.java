package dev.promptarena.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.Fixtures;
import dev.promptarena.stats.Side;
import dev.promptarena.stats.Vote;
import dev.promptarena.stats.Winner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The run report's deterministic warnings (counts and conditions, not tests) fire exactly when their condition holds:
 * a clean run has no warning at all, and each condition added alone adds exactly its own warning.
 */
class RunWarningsTest {
    private static final AnalysisOptions OPTIONS = new AnalysisOptions(0.05, 3, 2000,
            new DecisionPolicy(DecisionPolicy.Test.SUPERIORITY, 0, 0.05, List.of()));
    private static final int N = 60;

    /**
     * 60 cases in two segments of 30, judged once in alternating order: B wins 24, A wins 24, 12 ties, spread so that
     * neither slot, length nor segment leans (no exploratory warning can fire); every answer 50 words.
     */
    private static List<CaseOutcome> clean() {
        List<CaseOutcome> out = new ArrayList<>();
        for (int i = 0; i < N; i++) out.add(outcome(i, Fixtures.side(50), List.of(Fixtures.vote(i % 2 == 0, winner(i)))));
        return out;
    }

    private static Winner winner(int i) {
        int k = (i / 2) % 5; // per order: B, A, B, A, tie
        return k == 4 ? Winner.TIE : k % 2 == 0 ? Winner.B : Winner.A;
    }

    private static CaseOutcome outcome(int i, Side a, List<Vote> votes) {
        return new CaseOutcome("c" + i, 0, Map.of("segment", i < N / 2 ? "x" : "y"), a, Fixtures.side(50), votes, 0.0);
    }

    private static List<String> warnings(List<CaseOutcome> outcomes) {
        return ArenaAnalysis.analyze(outcomes, List.of(), OPTIONS).warnings();
    }

    /** The clean run with case {@code i} replaced. */
    private static List<String> warningsWith(int i, UnaryOperator<CaseOutcome> change) {
        List<CaseOutcome> run = clean();
        run.set(i, change.apply(run.get(i)));
        return warnings(run);
    }

    @Test
    void aCleanRunHasNoWarning() {
        assertEquals(List.of(), warnings(clean()));
    }

    @Test
    void aGenerationErrorIsCountedAndNothingElse() {
        List<String> w = warningsWith(0, c -> outcome(0, Fixtures.failed(), c.votes()));
        assertEquals(List.of("1 of 60 outcomes had a generation error and were left out of the win rate."), w);
    }

    @Test
    void aJudgeErrorIsCountedAsAJudgeErrorNotAsUnparseable() {
        Vote failed = new Vote("judge", 0, true, Winner.UNPARSEABLE, Map.of(), Map.of(), false, true);
        List<String> w = warningsWith(0, c -> outcome(0, Fixtures.side(50), List.of(failed)));
        assertEquals(List.of("1 of 60 outcomes had a judge error (every judge call failed after its retries) and were left out"
                + " of the win rate; they count as errors, not as unparseable."), w);
    }

    @Test
    void anUnparseableVerdictIsCounted() {
        List<String> w = warningsWith(0, c -> outcome(0, Fixtures.side(50), List.of(Fixtures.vote(true, Winner.UNPARSEABLE))));
        assertEquals(List.of("1 of 60 outcomes had no parseable judge verdict and were left out of the win rate."), w);
    }

    @Test
    void anOrderInconsistentPairIsCounted() {
        // Case 0 judged in both orders with different winners; the rest as before (one order each).
        List<String> w = warningsWith(0, c -> outcome(0, Fixtures.side(50),
                List.of(Fixtures.vote(true, Winner.B), Fixtures.vote(false, Winner.A))));
        assertEquals(List.of("1 outcomes got different winners in the two presentation orders; they are scored as ties."), w);
    }

    @Test
    void aFixedOrderIsNamedWhenEveryPairWasShownOneWayAndOnlyThen() {
        List<CaseOutcome> fixed = new ArrayList<>();
        for (CaseOutcome c : clean()) fixed.add(outcome(fixed.size(), c.a(), List.of(Fixtures.vote(true, c.votes().get(0).winner()))));
        List<String> w = warnings(fixed);
        assertEquals(1, w.size(), w.toString());
        assertEquals(true, w.get(0).startsWith("Every pair was shown in the same order (fixed-b-first)"), w.get(0));
        // One pair the other way round: the order varied, no fixed-order warning (the clean run, with alternating order,
        // has none either).
        fixed.set(0, outcome(0, fixed.get(0).a(), List.of(Fixtures.vote(false, fixed.get(0).votes().get(0).winner()))));
        assertEquals(List.of(), warnings(fixed));
    }

    @Test
    void aSegmentBelowTenScoredOutcomesIsCalledAnAnecdote() {
        List<CaseOutcome> run = clean();
        for (int i : new int[] {0, 2, 4, 6, 8, 10, 12, 14, 16}) {
            CaseOutcome c = run.get(i);
            run.set(i, new CaseOutcome(c.caseId(), 0, Map.of("segment", "z"), c.a(), c.b(), c.votes(), 0.0));
        }
        assertEquals(List.of("1 segments have fewer than 10 scored outcomes; their win rates are anecdotes, not evidence."), warnings(run));
    }

    @Test
    void aSegmentMixShiftIsNamedOnlyWhenErrorsRemoveOneSegmentUnevenlyByMoreThanFivePoints() {
        // Three generation errors in segment x: x is 50% of cases and 27/57 = 47.4% of scored ones (2.6 points): no shift.
        List<CaseOutcome> three = clean();
        for (int i = 0; i < 3; i++) three.set(i, outcome(i, Fixtures.failed(), three.get(i).votes()));
        assertEquals(List.of("3 of 60 outcomes had a generation error and were left out of the win rate."), warnings(three));
        // Seven: 23/53 = 43.4% of scored ones (6.6 points) and A lost 7 of x against 0 of y: the shift is named.
        List<CaseOutcome> seven = clean();
        for (int i = 0; i < 7; i++) seven.set(i, outcome(i, Fixtures.failed(), seven.get(i).votes()));
        List<String> w = warnings(seven);
        assertEquals(2, w.size(), w.toString());
        assertEquals("7 of 60 outcomes had a generation error and were left out of the win rate.", w.get(0));
        assertEquals("Segment mix shifted because errors or unparseable verdicts removed cases unevenly: segment=x is 50% of cases"
                + " but 43% of scored ones (A errors 7, B errors 0); segment=y is 50% of cases but 57% of scored ones (A errors 0,"
                + " B errors 0). The pooled win rate no longer reflects the dataset's mix.", w.get(1));
    }
}
