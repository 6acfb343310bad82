package dev.promptarena.checks;

import java.util.Objects;

/**
 * The verdict of one check on one response.
 *
 * @param name   the check's name
 * @param passed whether the response passed
 * @param detail a short human-readable reason (what matched, what was missing, the measured length)
 */
public record CheckResult(String name, boolean passed, String detail) {
    public CheckResult {
        Check.requireName(name);
        detail = Objects.requireNonNullElse(detail, "");
    }

    public static CheckResult pass(String name, String detail) { return new CheckResult(name, true, detail); }

    public static CheckResult fail(String name, String detail) { return new CheckResult(name, false, detail); }
}
