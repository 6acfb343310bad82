package dev.promptarena.judge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What became of one judge verdict. On disk (cases.jsonl, report.json, cases.csv) it is the lower-case
 * wire string, as before this enum existed, so older run folders still read.
 */
public enum JudgeStatus {
    /** A verdict was read. */
    OK("ok"),
    /** Two replies (the first and the re-ask) could not be read. */
    UNPARSEABLE("unparseable"),
    /** The judge call itself failed. */
    FAILED("failed");

    private final String wire;

    JudgeStatus(String wire) { this.wire = wire; }

    /** The string written to run files and reports. */
    @JsonValue
    public String wire() { return wire; }

    /** Reads the wire string. */
    @JsonCreator
    public static JudgeStatus of(String wire) {
        for (JudgeStatus s : values()) {
            if (s.wire.equals(wire)) return s;
        }
        throw new IllegalArgumentException("unknown judge status: " + wire);
    }

    @Override
    public String toString() { return wire; }
}
