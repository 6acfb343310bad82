package dev.promptarena.stats;

import java.util.List;

/**
 * The judges examined (exploratory): each judge alone, how far the judges agree, how stable a judge is
 * when asked again, how often its replies were cut off, and whether a judge shares a model family with a
 * variant (self-preference). The gate itself uses the panel's majority verdict ({@link VerdictCombiner}).
 *
 * @param role           always {@link Evidence#EXPLORATORY}
 * @param judges         judge ids in the order they first appear in the votes
 * @param perJudge       one result per judge
 * @param agreement      inter-judge agreement; null with a single judge
 * @param stability      panel-wide repetition stability over every judge's pairs; null when no judge was sampled twice
 * @param truncatedVotes judge replies cut off at their token limit, over all judges
 * @param selfPreference judges that share a model family with a variant
 * @param warnings       plain sentences (also in the analysis warnings)
 */
public record JudgePanelResult(Evidence role, List<String> judges, List<JudgeResult> perJudge, PanelAgreement agreement,
                               Double stability, int truncatedVotes, List<SelfPreference> selfPreference, List<String> warnings) {
    public JudgePanelResult {
        judges = List.copyOf(judges);
        perJudge = List.copyOf(perJudge);
        selfPreference = List.copyOf(selfPreference);
        warnings = List.copyOf(warnings);
    }

    /**
     * Which family each judge's {@code firstSharePAdjusted} is Holm-adjusted over: the panel's judges when there are
     * several ({@link JudgePanelAnalysis}), else the run's exploratory checks, which the lone judge's order test is one
     * of (ArenaAnalysis). The reports name the family from this, not from their own count of judges.
     */
    public boolean orderAdjustedOverJudges() { return perJudge.size() > 1; }

    /** A panel of one judge, its order diagnostics replaced by {@code o} (the run's family decides its significance). */
    public JudgePanelResult withOnlyJudgeOrder(OrderBiasResult o) {
        if (perJudge.size() != 1) throw new IllegalStateException("not a single-judge panel: " + judges);
        return new JudgePanelResult(role, judges, List.of(perJudge.get(0).withOrderBias(o)), agreement, stability, truncatedVotes,
                selfPreference, warnings);
    }
}
