package dev.promptarena.checks;

/**
 * A check that decides from the output text alone. Implementations never throw on odd input
 * (empty text, megabytes of text, U+FFFD replacement characters from undecodable bytes): anything
 * they cannot evaluate is a failed {@link CheckResult} whose detail says why.
 */
public sealed interface TextCheck extends Check
        permits RegexCheck, ContainsCheck, JsonCheck, JsonSchemaCheck, LengthCheck, RefusalCheck {
    /** Evaluates the check on one response; {@code output} is never null. */
    CheckResult evaluate(String output);
}
