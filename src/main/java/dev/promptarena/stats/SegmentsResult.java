package dev.promptarena.stats;

import java.util.List;

/**
 * All segments plus Simpson's-paradox checks (exploratory).
 *
 * @param role     always {@link Evidence#EXPLORATORY}
 * @param minN     segments with fewer scored outcomes are flagged {@code tooSmall}
 * @param segments one entry per (key, value), keys and values sorted
 * @param simpson  true when the segment-reversal check fired (after the family-wise rule)
 * @param warnings plain-language explanation of each check that fired (mix shift; the reversal once kept)
 * @param reversal the reversal message, before the family-wise rule decides whether it is shown; null when no
 *                 segment goes the other way
 * @param reversalP Bonferroni-adjusted (over all segments) one-sided p that a segment's win rate is on the other
 *                 side of 0.5 from the pooled one; null when none goes the other way
 */
public record SegmentsResult(Evidence role, int minN, List<SegmentResult> segments, boolean simpson, List<String> warnings,
                             String reversal, Double reversalP) {
    public SegmentsResult {
        segments = List.copyOf(segments);
        warnings = List.copyOf(warnings);
    }

    /** This result with the reversal warning added when the family-wise rule keeps it ({@code keep}). */
    public SegmentsResult withReversal(boolean keep) {
        if (!keep || reversal == null) return new SegmentsResult(role, minN, segments, false, warnings, reversal, reversalP);
        List<String> w = new java.util.ArrayList<>(warnings);
        w.add(0, reversal);
        return new SegmentsResult(role, minN, segments, true, w, reversal, reversalP);
    }
}
