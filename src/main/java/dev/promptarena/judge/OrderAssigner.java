package dev.promptarena.judge;

import dev.promptarena.input.Hashing;

/**
 * Decides, per case, whether B is presented first. The choice is a pure function of
 * (seed, case id, repeat), so a run is replayable and adding or removing cases does not
 * reshuffle the others (unlike drawing from one sequential RNG).
 */
public final class OrderAssigner {
    private final long seed;

    public OrderAssigner(long seed) { this.seed = seed; }

    public boolean bFirst(String caseId, int repeat) {
        String digest = Hashing.sha256("order|" + seed + "|" + caseId + "|" + repeat);
        // The lowest bit of the first hex digit is a fair coin (SHA-256 output is uniform).
        return (Character.digit(digest.charAt(0), 16) & 1) == 1;
    }
}
