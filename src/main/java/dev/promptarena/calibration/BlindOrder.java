package dev.promptarena.calibration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The per-case order in which a label sheet shows the two outputs, written as a key the labeller cannot read
 * (8 hex digits of SHA-256 over the run id, case, repeat and order) so the sheet stays blind, but which maps a
 * label on "response 1" / "response 2" back to A or B: the reader recomputes both candidates and keeps the match.
 * A key that matches neither (edited, or from another run) is an input error, never a guess.
 */
public final class BlindOrder {
    private BlindOrder() {}

    public static String key(String runId, String caseId, int repeat, boolean bFirst) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(
                    ("prompt-arena label|" + runId + "|" + caseId + "|" + repeat + "|" + (bFirst ? "B" : "A")).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** TRUE when the key says B was shown first, FALSE when A was, null when it matches neither. */
    public static Boolean bFirst(String runId, String caseId, int repeat, String key) {
        if (key(runId, caseId, repeat, true).equals(key)) return Boolean.TRUE;
        if (key(runId, caseId, repeat, false).equals(key)) return Boolean.FALSE;
        return null;
    }
}
