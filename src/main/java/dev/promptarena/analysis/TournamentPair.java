package dev.promptarena.analysis;

import dev.promptarena.stats.CaseOutcome;
import java.util.List;
import java.util.Objects;

/**
 * The recorded outcomes of one pairing of a tournament, in the two-variant shape: variant {@code a} in the A role,
 * {@code b} in the B role (votes say which was shown first). The control's pairings have the control as {@code a}, so
 * each is exactly a two-variant run of candidate B against production A.
 *
 * @param a        variant in the A role
 * @param b        variant in the B role
 * @param outcomes the pairing's outcomes, one per case and repeat
 * @param adaptive true for an adaptive schedule's stage two: reported, but not used by the ranking or the gate
 */
public record TournamentPair(String a, String b, List<CaseOutcome> outcomes, boolean adaptive) {
    /** A pairing of a fixed schedule (or of the adaptive schedule's first stage). */
    public TournamentPair(String a, String b, List<CaseOutcome> outcomes) { this(a, b, outcomes, false); }

    public TournamentPair {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.equals(b)) throw new IllegalArgumentException("a pairing needs two different variants, got: " + a);
        outcomes = List.copyOf(outcomes);
    }
}
