package dev.promptarena.checks;

import dev.promptarena.llm.TokenCounter;
import java.util.Objects;

/**
 * {@code type: length}: the output's length in words or tokens lies within {@code [min, max]}
 * (both inclusive, either may be absent).
 *
 * @param name     check name
 * @param unit     words or tokens
 * @param min      smallest allowed length, or null
 * @param max      largest allowed length, or null
 * @param encoding tiktoken encoding for {@code unit: tokens} (see {@link TokenCounter#ENCODINGS})
 */
public record LengthCheck(String name, LengthUnit unit, Integer min, Integer max, String encoding) implements TextCheck {
    public LengthCheck {
        Check.requireName(name);
        Objects.requireNonNull(unit, "unit");
        encoding = encoding == null ? TokenCounter.ENCODINGS.get(0) : encoding;
        if (!TokenCounter.ENCODINGS.contains(encoding)) throw new IllegalArgumentException("encoding must be one of " + TokenCounter.ENCODINGS + ", got: " + encoding);
        if (min == null && max == null) throw new IllegalArgumentException("a length check needs min, max or both");
        if (min != null && min < 0) throw new IllegalArgumentException("min must be >= 0, got: " + min);
        if (max != null && max < 0) throw new IllegalArgumentException("max must be >= 0, got: " + max);
        if (min != null && max != null && min > max) throw new IllegalArgumentException("min (" + min + ") must not exceed max (" + max + ")");
    }

    @Override
    public String type() { return "length"; }

    /** The output's length in this check's unit. */
    public int measure(String output) {
        return unit == LengthUnit.WORDS ? TokenCounter.words(output) : TokenCounter.count(output, encoding);
    }

    @Override
    public CheckResult evaluate(String output) {
        int n = measure(output);
        String measured = n + " " + unit.yamlName();
        if (min != null && n < min) return CheckResult.fail(name, measured + " < min " + min);
        if (max != null && n > max) return CheckResult.fail(name, measured + " > max " + max);
        return CheckResult.pass(name, measured);
    }
}
