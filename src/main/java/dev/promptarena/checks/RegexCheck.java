package dev.promptarena.checks;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code type: regex} (the output must contain a match) or {@code type: not_regex} (it must not).
 * Uses {@link Matcher#find()}, so the pattern may match anywhere; anchor it with {@code ^...$} to
 * match the whole output and prefix {@code (?i)} or {@code (?s)} for flags.
 *
 * <p>Limits, because Java regexes backtrack: matching stops after {@link #STEP_BUDGET_BASE} plus
 * {@link #STEP_BUDGET_PER_CHAR} character reads per output character, and a pattern that overflows
 * the stack (alternation inside repetition over a long output) is stopped too. Either way the check
 * fails with a detail saying so: a must-not-match check cannot claim absence it did not verify.
 *
 * @param name     check name
 * @param pattern  compiled pattern
 * @param mustMatch true for {@code regex}, false for {@code not_regex}
 */
public record RegexCheck(String name, Pattern pattern, boolean mustMatch) implements TextCheck {
    /** Character reads allowed regardless of output length. */
    public static final long STEP_BUDGET_BASE = 10_000_000L;
    /** Extra character reads allowed per output character (linear patterns read each a few times). */
    public static final long STEP_BUDGET_PER_CHAR = 20L;

    public RegexCheck {
        Check.requireName(name);
        Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public String type() { return mustMatch ? "regex" : "not_regex"; }

    @Override
    public CheckResult evaluate(String output) {
        long budget = STEP_BUDGET_BASE + STEP_BUDGET_PER_CHAR * output.length();
        Matcher m = pattern.matcher(new BoundedCharSequence(output, budget));
        boolean found;
        int at;
        try {
            found = m.find();
            at = found ? m.start() : -1;
        } catch (RegexBudgetExceededException e) {
            return CheckResult.fail(name, "not evaluated: pattern exceeded the regex step budget (" + budget
                    + " character reads) on " + output.length() + " characters; simplify the pattern");
        } catch (StackOverflowError e) {
            // Java's regex engine recurses once per repetition of a group with alternation; catching
            // here is safe because the matcher holds no locks and is discarded.
            return CheckResult.fail(name, "not evaluated: pattern overflowed the stack on " + output.length()
                    + " characters; avoid (a|b)* style groups");
        }
        if (mustMatch) {
            return found ? CheckResult.pass(name, "matched at offset " + at)
                    : CheckResult.fail(name, "no match for /" + pattern.pattern() + "/");
        }
        return found ? CheckResult.fail(name, "forbidden match at offset " + at + " for /" + pattern.pattern() + "/")
                : CheckResult.pass(name, "no match");
    }
}
