package dev.promptarena.checks;

import dev.promptarena.llm.TokenCounter;

/** What a {@link LengthCheck} counts. */
public enum LengthUnit {
    /** Maximal runs of non-whitespace characters ({@link Character#isWhitespace}). */
    WORDS,
    /** Tokens of the configured tiktoken encoding (exact, via jtokkit; see {@link TokenCounter}). */
    TOKENS;

    /** The rubric spelling, e.g. {@code words}. */
    public String yamlName() { return name().toLowerCase(java.util.Locale.ROOT); }
}
