package dev.promptarena.judge;

import dev.promptarena.stats.Vote;
import dev.promptarena.stats.Winner;
import java.util.Map;
import java.util.Objects;

/**
 * The full record of one judge verdict, for audit and the per-case report.
 *
 * @param judge      judge id (its configured name, else its model id)
 * @param sample     judge sample index
 * @param bFirst     true when B was presented as "Response A"
 * @param status     ok, unparseable (two replies that could not be read) or failed (the call failed)
 * @param winner     mapped back to variants (UNPARSEABLE unless status is ok)
 * @param scoresA    variant A's axis scores
 * @param scoresB    variant B's axis scores
 * @param reason     the judge's reason
 * @param rawReply   the judge's last raw reply (untrusted text)
 * @param repaired   true when the first reply was unreadable and the re-ask succeeded
 * @param error      why the verdict is unparseable or failed, or null
 * @param costUsd    cost of the judge call(s)
 * @param truncated  the judge's reply was cut off at its token limit
 */
public record JudgeTrace(String judge, int sample, boolean bFirst, JudgeStatus status, Winner winner,
                         Map<String, Integer> scoresA, Map<String, Integer> scoresB, String reason,
                         String rawReply, boolean repaired, String error, double costUsd, boolean truncated) {
    public JudgeTrace {
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(winner, "winner");
        scoresA = Map.copyOf(scoresA);
        scoresB = Map.copyOf(scoresB);
        reason = reason == null ? "" : reason;
        rawReply = rawReply == null ? "" : rawReply;
    }

    public Vote toVote() { return new Vote(judge, sample, bFirst, winner, scoresA, scoresB, truncated, status == JudgeStatus.FAILED); }

    /** The winner in presented terms: "A" when the first-shown response won. */
    public String presentedWinner() {
        return switch (winner) {
            case A -> bFirst ? "B" : "A";
            case B -> bFirst ? "A" : "B";
            case TIE -> "tie";
            case UNPARSEABLE -> "-";
        };
    }

    /** False for the reference judge, which reads check results and is shown no presentation order. */
    public boolean presented() { return !dev.promptarena.stats.OrderBiasAnalysis.REFERENCE_JUDGE.equals(judge); }
}
