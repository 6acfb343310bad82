package dev.promptarena.cli;

/** The process exit codes CI relies on; the one place they are defined. */
public enum ExitCode {
    PASS(0), FAIL(1), USAGE_OR_INPUT(2), INCONCLUSIVE(3), RUN_ERROR(4), INTERRUPTED(130);

    private final int code;

    ExitCode(int code) { this.code = code; }

    public int code() { return code; }
}
