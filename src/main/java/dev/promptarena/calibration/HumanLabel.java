package dev.promptarena.calibration;

import java.util.Objects;

/**
 * One human judgement of a case: which variant's output is better.
 *
 * @param caseId  the golden case id
 * @param repeat  the repeat it labels, or null for every recorded repeat of the case
 * @param label   "A", "B" or "tie" (variants, not presentation positions)
 * @param labeler who labelled it ("" when the file has no labeler column)
 * @param line    line in the labels file (for messages)
 */
public record HumanLabel(String caseId, Integer repeat, String label, String labeler, int line) {
    public HumanLabel {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(label, "label");
        if (!label.equals("A") && !label.equals("B") && !label.equals("tie")) throw new IllegalArgumentException("label must be A, B or tie, got: " + label);
        labeler = labeler == null ? "" : labeler;
    }
}
