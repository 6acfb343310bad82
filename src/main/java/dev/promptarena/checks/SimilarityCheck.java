package dev.promptarena.checks;

/**
 * {@code type: similarity}: cosine similarity between the output and the case's reference answer,
 * embedded in-process (all-MiniLM-L6-v2 by default, see docs/checks.md), must be at least {@code min}.
 * Needs the optional embeddings module; {@link CheckRunner} skips it for cases without a reference.
 *
 * @param name check name
 * @param min  pass threshold in [-1, 1]
 */
public record SimilarityCheck(String name, double min) implements Check {
    public SimilarityCheck {
        Check.requireName(name);
        if (!(min >= -1 && min <= 1)) throw new IllegalArgumentException("min must be in [-1, 1], got: " + min);
    }

    @Override
    public String type() { return "similarity"; }

    /** The verdict for an already computed similarity. */
    public CheckResult evaluate(double similarity) {
        String detail = String.format(java.util.Locale.ROOT, "cosine %.4f (min %.4f)", similarity, min);
        return similarity >= min ? CheckResult.pass(name, detail) : CheckResult.fail(name, detail);
    }
}
