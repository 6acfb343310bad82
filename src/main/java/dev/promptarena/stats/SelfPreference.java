package dev.promptarena.stats;

import java.util.Objects;

/**
 * A judge that belongs to the same model family as a variant under test: its verdicts may favour
 * that variant's outputs (self-preference bias), so the result deserves a second, independent judge.
 *
 * @param judge        judge id
 * @param judgeModel   the judge's model id
 * @param variant      "A" or "B"
 * @param variantModel the variant's model id
 * @param family       the shared family
 */
public record SelfPreference(String judge, String judgeModel, String variant, String variantModel, String family) {
    public SelfPreference {
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(family, "family");
    }

    /** The warning sentence shown on the terminal and in every report. */
    public String message() {
        return String.format("Self-preference risk: judge %s (%s) is in the same model family (%s) as variant %s (%s);"
                + " judges tend to favour their own family's outputs, so confirm the result with a judge from another family.",
                judge, judgeModel, family, variant, variantModel);
    }
}
