package dev.promptarena.run;

import dev.promptarena.dataset.GoldenCase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a finished case stands in the run's order (golden-set order, repeats of a case together), which
 * is the order of every file and report; cases finish in any order.
 */
final class CaseOrder {
    private final Map<String, Integer> index = new HashMap<>();
    private final int repeats;
    private final int size;

    CaseOrder(List<GoldenCase> cases, int repeats) {
        this.repeats = repeats;
        this.size = cases.size() * repeats;
        for (int i = 0; i < cases.size(); i++) index.put(cases.get(i).id(), i);
    }

    /** How many (case, repeat) positions the run has. */
    int size() { return size; }

    /** The record's position, from 0; -1 for a case that is not in the run. */
    long position(CaseRecord r) {
        Integer i = index.get(r.caseId());
        return i == null ? -1 : (long) i * repeats + r.repeat();
    }
}
