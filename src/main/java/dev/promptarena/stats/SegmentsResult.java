package dev.promptarena.stats;

import java.util.List;

/**
 * All segments plus Simpson's-paradox checks (exploratory).
 *
 * @param role     always {@link Evidence#EXPLORATORY}
 * @param minN     segments with fewer scored outcomes are flagged {@code tooSmall}
 * @param segments one entry per (key, value), keys and values sorted
 * @param simpson  true when a Simpson's-paradox or mix-shift check fired
 * @param warnings plain-language explanation of each check that fired
 */
public record SegmentsResult(Evidence role, int minN, List<SegmentResult> segments, boolean simpson, List<String> warnings) {
    public SegmentsResult {
        segments = List.copyOf(segments);
        warnings = List.copyOf(warnings);
    }
}
