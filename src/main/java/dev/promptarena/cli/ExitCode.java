package dev.promptarena.cli;

import dev.promptarena.decision.Outcome;

/** The process exit codes CI relies on; the one place they are defined. */
public enum ExitCode {
    PASS(0), FAIL(1), USAGE_OR_INPUT(2), INCONCLUSIVE(3), RUN_ERROR(4), INTERRUPTED(130);

    private final int code;

    ExitCode(int code) { this.code = code; }

    public int code() { return code; }

    /**
     * The exit code of a run's reports, the same for {@code run} and for a later {@code report} of its folder:
     * 130 for a run stopped by Ctrl-C, else the gate's outcome (which is INCONCLUSIVE for any incomplete run).
     */
    public static ExitCode of(dev.promptarena.report.ReportModel model) {
        String partial = model.manifest().partialReason();
        if (partial != null && model.manifest().finishedAt() != null && partial.startsWith("interrupted")) return INTERRUPTED;
        return of(model.analysis().decision().outcome());
    }

    /** The exit code of a gate outcome; the one mapping CI relies on. */
    public static ExitCode of(Outcome outcome) {
        return switch (outcome) {
            case PASS -> PASS;
            case FAIL -> FAIL;
            case INCONCLUSIVE -> INCONCLUSIVE;
            case RUN_ERROR -> RUN_ERROR;
        };
    }
}
