package dev.promptarena.run;

import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.dataset.GoldenSet;
import dev.promptarena.input.IdIndex;
import java.util.List;

/**
 * Where a finished case stands in the run's order (golden-set order, repeats of a case together), which
 * is the order of every file and report; cases finish in any order.
 */
final class CaseOrder {
    private final IdIndex index;
    private final int repeats;
    private final int size;

    CaseOrder(List<GoldenCase> cases, int repeats) {
        this.repeats = repeats;
        this.size = cases.size() * repeats;
        // Golden-set ids are unique, so an id's number is its position in the golden set.
        this.index = new IdIndex(GoldenSet.of(cases).ids());
    }

    /** How many (case, repeat) positions the run has. */
    int size() { return size; }

    /** The record's position, from 0; -1 for a case that is not in the run. */
    long position(CaseRecord r) {
        int i = index.of(r.caseId());
        return i < 0 ? -1 : (long) i * repeats + r.repeat();
    }
}
