package dev.promptarena.run;

import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.Side;
import dev.promptarena.stats.Vote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcomes the analysis reads, without the texts: the statistics read a side's text only through
 * {@link Side#words()}, so each output is replaced by a shared string of as many one-letter words (one per
 * distinct length), and tags, judge names and score maps, which repeat from case to case, are shared. Read from
 * a {@link StoredCases} list the records stream from the file, so memory holds these outcomes and no record:
 * about 0.5 KB a case instead of the records' 2.5 KB. One instance per analysis (its maps are not shared between
 * threads); the outcomes equal {@link CaseRecord#outcome()} in everything but the output texts.
 */
final class TextFreeOutcomes {
    private final Map<Integer, String> skeletons = new HashMap<>();
    private final Map<Object, Object> shared = new HashMap<>();

    /** The outcomes of {@code cases}, in their order, reading each record once. */
    static List<CaseOutcome> of(List<CaseRecord> cases) {
        TextFreeOutcomes t = new TextFreeOutcomes();
        List<CaseOutcome> out = new ArrayList<>(cases.size());
        for (CaseRecord r : cases) out.add(t.outcome(r));
        return out;
    }

    private CaseOutcome outcome(CaseRecord r) {
        Vote[] votes = new Vote[r.traces().size()];
        for (int i = 0; i < votes.length; i++) {
            Vote v = r.traces().get(i).toVote();
            votes[i] = new Vote(share(v.judge()), v.sample(), v.bFirst(), v.winner(), share(v.scoresA()), share(v.scoresB()),
                    v.truncated(), v.judgeFailed());
        }
        return new CaseOutcome(r.caseId(), r.repeat(), share(r.tags()), side(r.a()), side(r.b()), List.of(votes),
                r.traces().stream().mapToDouble(JudgeTrace::costUsd).sum());
    }

    private Side side(Side s) {
        String words = skeletons.computeIfAbsent(s.words(), n -> n == 0 ? "" : "w ".repeat(n).strip());
        return new Side(words, s.latencyMillis(), s.costUsd(), s.outputTokens(), s.error(), s.errorMessage(), s.truncated(),
                s.checks(), s.similarity());
    }

    @SuppressWarnings("unchecked")
    private <T> T share(T value) {
        return (T) shared.computeIfAbsent(value, v -> v);
    }
}
