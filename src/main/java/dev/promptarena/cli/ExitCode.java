package dev.promptarena.cli;

import dev.promptarena.canary.Action;
import dev.promptarena.decision.Outcome;

/** The process exit codes CI relies on; the one place they are defined. */
public enum ExitCode {
    PASS(0), FAIL(1), USAGE_OR_INPUT(2), INCONCLUSIVE(3), RUN_ERROR(4),
    /** {@code canary check}: a sustained breach or a sample-ratio mismatch asks a person to look (exposure frozen). */
    CANARY_PAUSE(5), INTERRUPTED(130);

    private final int code;

    ExitCode(int code) { this.code = code; }

    public int code() { return code; }

    /**
     * The exit code of a run's reports, the same for {@code run} and for a later {@code report} of its folder:
     * 130 for a run stopped by Ctrl-C, else the gate's outcome (which is INCONCLUSIVE for any incomplete run), except
     * that a complete run whose gate is on the human-corrected win rate and has no labels is 2: the gate refuses to
     * decide (a run error stays 4: its evidence is unusable with or without labels).
     */
    public static ExitCode of(dev.promptarena.report.ReportModel model) {
        String partial = model.manifest().partialReason();
        if (partial != null && model.manifest().finishedAt() != null && partial.startsWith("interrupted")) return INTERRUPTED;
        ExitCode gate = of(model.analysis().decision().outcome());
        return partial == null && gate != RUN_ERROR && HumanLabelsGate.refuses(model) ? USAGE_OR_INPUT : gate;
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

    /**
     * The exit code of a canary window decision. Chosen to read like the gate's codes: advance is 0 (go on, as PASS),
     * rollback is 1 (the candidate failed in production, as FAIL), hold is 3 (not enough evidence yet, keep
     * collecting, as INCONCLUSIVE), and pause gets a new code, 5, because no gate outcome means "stop and ask a
     * person"; 2 and 4 keep their meanings (bad input, tool error).
     */
    public static ExitCode of(Action action) {
        return switch (action) {
            case ADVANCE -> PASS;
            case ROLLBACK -> FAIL;
            case HOLD -> INCONCLUSIVE;
            case PAUSE -> CANARY_PAUSE;
        };
    }
}
