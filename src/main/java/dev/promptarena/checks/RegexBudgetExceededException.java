package dev.promptarena.checks;

/** Thrown by {@link BoundedCharSequence} when a regex has read more characters than allowed. */
final class RegexBudgetExceededException extends RuntimeException {
    RegexBudgetExceededException() {
        // No stack trace: it is control flow, caught one frame up, and may be thrown per response.
        super("regex step budget exceeded", null, false, false);
    }
}
