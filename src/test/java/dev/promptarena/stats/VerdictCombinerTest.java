package dev.promptarena.stats;

import static dev.promptarena.stats.Fixtures.failed;
import static dev.promptarena.stats.Fixtures.outcome;
import static dev.promptarena.stats.Fixtures.side;
import static dev.promptarena.stats.Fixtures.vote;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The combination rules documented on {@link VerdictCombiner}, one per test. */
class VerdictCombinerTest {
    @Test
    void agreeingOrdersGiveThatVerdict() {
        assertEquals(Verdict.B, VerdictCombiner.combine(outcome("c", vote(true, Winner.B), vote(false, Winner.B))));
        assertEquals(Verdict.TIE, VerdictCombiner.combine(outcome("c", vote(true, Winner.TIE), vote(false, Winner.TIE))));
    }

    @Test
    void disagreeingOrdersAreInconsistent() {
        assertEquals(Verdict.INCONSISTENT, VerdictCombiner.combine(outcome("c", vote(true, Winner.B), vote(false, Winner.A))));
        assertEquals(Verdict.INCONSISTENT, VerdictCombiner.combine(outcome("c", vote(true, Winner.B), vote(false, Winner.TIE))));
    }

    @Test
    void oneParseableOrderIsUsedAlone() {
        assertEquals(Verdict.A, VerdictCombiner.combine(outcome("c", vote(true, Winner.UNPARSEABLE), vote(false, Winner.A))));
        assertEquals(Verdict.B, VerdictCombiner.combine(outcome("c", vote(false, Winner.B))));
    }

    @Test
    void onlyUnparseableVotesGiveUnparseable() {
        assertEquals(Verdict.UNPARSEABLE, VerdictCombiner.combine(outcome("c", vote(true, Winner.UNPARSEABLE), vote(false, Winner.UNPARSEABLE))));
        assertEquals(Verdict.UNPARSEABLE, VerdictCombiner.combine(outcome("c")));
    }

    @Test
    void generationErrorWinsOverVotes() {
        CaseOutcome o = outcome("c", Map.of(), failed(), side(10), vote(true, Winner.B));
        assertEquals(Verdict.ERROR, VerdictCombiner.combine(o));
    }

    @Test
    void samplesUsePluralityAndSplitsAreTies() {
        // samples: B, B, A -> B
        assertEquals(Verdict.B, VerdictCombiner.combine(outcome("c",
                vote("j", 0, true, Winner.B), vote("j", 1, true, Winner.B), vote("j", 2, true, Winner.A))));
        // samples: B, A -> split -> TIE
        assertEquals(Verdict.TIE, VerdictCombiner.combine(outcome("c", vote("j", 0, true, Winner.B), vote("j", 1, true, Winner.A))));
        // samples: inconsistent, inconsistent, B -> INCONSISTENT is the plurality
        assertEquals(Verdict.INCONSISTENT, VerdictCombiner.combine(outcome("c",
                vote("j", 0, true, Winner.B), vote("j", 0, false, Winner.A),
                vote("j", 1, true, Winner.A), vote("j", 1, false, Winner.B),
                vote("j", 2, true, Winner.B), vote("j", 2, false, Winner.B))));
    }

    @Test
    void panelJudgesUsePlurality() {
        assertEquals(Verdict.A, VerdictCombiner.combine(outcome("c",
                vote("j1", 0, true, Winner.A), vote("j2", 0, true, Winner.A), vote("j3", 0, true, Winner.B))));
        // two judges disagree -> TIE, even though j1 voted twice (its samples are reduced first)
        assertEquals(Verdict.TIE, VerdictCombiner.combine(outcome("c",
                vote("j1", 0, true, Winner.A), vote("j1", 1, true, Winner.A), vote("j2", 0, true, Winner.B))));
    }
}
