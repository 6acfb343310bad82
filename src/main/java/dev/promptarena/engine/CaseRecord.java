package dev.promptarena.engine;

import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.Side;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything recorded about one (case, repeat): the question as the judge saw it, both sides
 * and every judge trace. The statistics see it through {@link #outcome()}.
 */
public record CaseRecord(String caseId, int repeat, Map<String, String> tags, String question, Side a, Side b,
                         List<JudgeTrace> traces) {
    public CaseRecord {
        Objects.requireNonNull(caseId, "caseId");
        tags = Map.copyOf(tags);
        traces = List.copyOf(traces);
    }

    public double judgeCostUsd() { return traces.stream().mapToDouble(JudgeTrace::costUsd).sum(); }

    public CaseOutcome outcome() {
        return new CaseOutcome(caseId, repeat, tags, a, b, traces.stream().map(JudgeTrace::toVote).toList(), judgeCostUsd());
    }
}
