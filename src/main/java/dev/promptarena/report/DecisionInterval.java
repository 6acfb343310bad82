package dev.promptarena.report;

import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.stats.Interval;

/**
 * The sentence that says which interval a sequential run decides with. The win-rate line shows the fixed-sample
 * intervals (tie-aware score, Wilson), which assume one look at the data; a sequential design decides with its
 * repeated confidence interval (or confidence sequence), which is wider. Both are labelled, but side by side a
 * reader compared the wrong one, so the terminal and summary.md say it in words.
 */
public final class DecisionInterval {
    private DecisionInterval() {}

    /** The sentence, without a final period, or null when the run has no sequential design or no interval yet. */
    public static String sentence(AnalysisResult a) {
        Interval i = a.sequential() == null ? null : a.sequential().interval();
        if (i == null) return null;
        return "the decision uses the sequential design's " + Fmt.method(i) + " " + Fmt.pctInterval(i)
                + ", not the fixed-sample intervals of the win-rate line (they assume a single look at the data)";
    }
}
