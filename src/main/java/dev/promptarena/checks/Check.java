package dev.promptarena.checks;

/**
 * One rubric check evaluated without the judge model. Deterministic checks look only at the
 * output text ({@link TextCheck}); {@link SimilarityCheck} also needs the case's reference answer
 * and an embedding model, so {@link CheckRunner} evaluates it separately.
 */
public sealed interface Check permits TextCheck, SimilarityCheck {
    /** The check's name as written in the rubric; unique within a rubric. */
    String name();

    /** The rubric {@code type:} value, e.g. {@code regex}. */
    String type();

    /** Fails fast on a blank name; shared by every check's compact constructor. */
    static String requireName(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("check name must not be blank");
        return name;
    }
}
