package dev.promptarena.stats;

import java.util.Map;
import java.util.Objects;

/**
 * One judge verdict on one pair in one presentation order, mapped back to variants.
 *
 * @param judge   judge id (model name; distinguishes panel members)
 * @param sample  judge sample index (judge.samples &gt; 1 asks the same judge repeatedly)
 * @param bFirst  true when variant B was presented in the first slot ("Response A")
 * @param winner  the winning variant, TIE, or UNPARSEABLE
 * @param scoresA per-axis 1-5 scores for variant A (empty when unparseable)
 * @param scoresB per-axis 1-5 scores for variant B
 * @param truncated the judge's reply was cut off at its token limit (counted per judge in the panel analysis)
 * @param judgeFailed the judge call itself failed after its retries (winner UNPARSEABLE): a judge error, counted
 *                    with the errors and never as an unparseable reply (absent, so false, in older outcome files)
 */
public record Vote(String judge, int sample, boolean bFirst, Winner winner,
                   Map<String, Integer> scoresA, Map<String, Integer> scoresB, boolean truncated, boolean judgeFailed) {
    public Vote {
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(winner, "winner");
        scoresA = Map.copyOf(scoresA);
        scoresB = Map.copyOf(scoresB);
    }

    /** A vote the judge answered. */
    public Vote(String judge, int sample, boolean bFirst, Winner winner, Map<String, Integer> scoresA, Map<String, Integer> scoresB,
                boolean truncated) {
        this(judge, sample, bFirst, winner, scoresA, scoresB, truncated, false);
    }

    /** A vote whose reply was not truncated. */
    public Vote(String judge, int sample, boolean bFirst, Winner winner, Map<String, Integer> scoresA, Map<String, Integer> scoresB) {
        this(judge, sample, bFirst, winner, scoresA, scoresB, false);
    }

    /** True when the judge picked whichever response was shown first. */
    public boolean pickedFirst() {
        return (winner == Winner.B && bFirst) || (winner == Winner.A && !bFirst);
    }

    /** A reply that came back but could not be read (after the re-ask); a failed call is not one. */
    public boolean unparseable() { return winner == Winner.UNPARSEABLE && !judgeFailed; }

    public boolean decisive() { return winner == Winner.A || winner == Winner.B; }
}
