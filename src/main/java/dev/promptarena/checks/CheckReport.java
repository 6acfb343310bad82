package dev.promptarena.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every check's verdict on one response.
 *
 * @param results    verdicts of the checks that applied, in rubric order
 * @param skipped    names of checks that did not apply (similarity on a case without a reference);
 *                   they are absent from {@link #passed()}, so paired statistics leave the case out
 * @param similarity cosine similarity to the reference, or null when not computed
 */
public record CheckReport(List<CheckResult> results, List<String> skipped, Double similarity) {
    public CheckReport {
        results = List.copyOf(results);
        skipped = List.copyOf(skipped);
        if (similarity != null && !(similarity >= -1 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be in [-1, 1], got: " + similarity);
        }
    }

    /** Check name to pass/fail, in rubric order: what goes on {@code Side.checks}. */
    public Map<String, Boolean> passed() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (CheckResult r : results) out.put(r.name(), r.passed());
        return out;
    }

    /** True when every applicable check passed. */
    public boolean allPassed() { return results.stream().allMatch(CheckResult::passed); }
}
