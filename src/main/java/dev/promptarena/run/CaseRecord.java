package dev.promptarena.run;

import dev.promptarena.checks.CheckResult;
import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.Side;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything recorded about one (case, repeat): the question as the judge saw it, both sides
 * and every judge trace. The statistics see it through {@link #outcome()}.
 *
 * @param checksA every rubric check's verdict on A with its detail (what matched, the measured length);
 *                empty when the rubric has no checks, a side failed, or the record predates checks
 * @param checksB the same for B
 */
public record CaseRecord(String caseId, int repeat, Map<String, String> tags, String question, Side a, Side b,
                         List<JudgeTrace> traces, List<CheckResult> checksA, List<CheckResult> checksB) {
    public CaseRecord {
        Objects.requireNonNull(caseId, "caseId");
        tags = Map.copyOf(tags);
        traces = List.copyOf(traces);
        checksA = checksA == null ? List.of() : List.copyOf(checksA);
        checksB = checksB == null ? List.of() : List.copyOf(checksB);
        a = inRubricOrder(a, checksA);
        b = inRubricOrder(b, checksB);
    }

    /**
     * The side's pass/fail map in rubric order (the order of its check details). cases.jsonl is written with
     * sorted map keys, so a record read back had its checks alphabetically, and the reports streamed back from the
     * file (or {@code report <dir>}) listed checks in another order than the run that wrote them.
     */
    private static Side inRubricOrder(Side side, List<CheckResult> details) {
        if (side == null || details.isEmpty() || side.checks().size() < 2) return side;
        Map<String, Boolean> ordered = new LinkedHashMap<>();
        for (CheckResult d : details) {
            Boolean passed = side.checks().get(d.name());
            if (passed != null) ordered.put(d.name(), passed);
        }
        side.checks().forEach(ordered::putIfAbsent);
        if (List.copyOf(ordered.keySet()).equals(List.copyOf(side.checks().keySet()))) return side;
        return side.withChecks(ordered, side.similarity());
    }

    /** A record without check details. */
    public CaseRecord(String caseId, int repeat, Map<String, String> tags, String question, Side a, Side b, List<JudgeTrace> traces) {
        this(caseId, repeat, tags, question, a, b, traces, List.of(), List.of());
    }

    public double judgeCostUsd() { return traces.stream().mapToDouble(JudgeTrace::costUsd).sum(); }

    public CaseOutcome outcome() {
        return new CaseOutcome(caseId, repeat, tags, a, b, traces.stream().map(JudgeTrace::toVote).toList(), judgeCostUsd());
    }
}
