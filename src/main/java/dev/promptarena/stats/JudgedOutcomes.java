package dev.promptarena.stats;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Outcomes with their combined verdicts, as a read-only list that keeps one verdict byte per outcome and builds each
 * {@link JudgedOutcome} when it is read: over {@link OutcomeColumns} the analysis then holds no per-outcome object
 * between its passes (issue 21). The verdicts are combined once, by {@link VerdictCombiner}.
 */
public final class JudgedOutcomes extends AbstractList<JudgedOutcome> implements RandomAccess {
    private static final Verdict[] VERDICTS = Verdict.values();

    private final List<CaseOutcome> outcomes;
    private final byte[] verdicts;

    JudgedOutcomes(List<CaseOutcome> outcomes) {
        // Read by position many times: a list without fast positional access is copied once.
        this.outcomes = outcomes instanceof RandomAccess ? outcomes : new ArrayList<>(outcomes);
        this.verdicts = new byte[this.outcomes.size()];
        for (int i = 0; i < verdicts.length; i++) verdicts[i] = (byte) VerdictCombiner.combine(this.outcomes.get(i)).ordinal();
    }

    @Override
    public JudgedOutcome get(int i) { return new JudgedOutcome(outcomes.get(i), VERDICTS[verdicts[i]]); }

    @Override
    public int size() { return verdicts.length; }

    /** The verdict of outcome {@code i}, without building the outcome. */
    public Verdict verdict(int i) { return VERDICTS[verdicts[i]]; }

    /** The outcomes behind the verdicts, in the same order. */
    List<CaseOutcome> outcomes() { return outcomes; }
}
