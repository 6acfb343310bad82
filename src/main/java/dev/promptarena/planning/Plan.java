package dev.promptarena.planning;

import java.util.List;

/**
 * A computed plan. Each kind is a record whose components, in order, are the keys of
 * {@code plan --json}; {@link #lines()} is the plain-text answer.
 */
public sealed interface Plan permits ProportionsPlan, WinRatePlan, PairedPlan, MdePlan, TournamentSizePlan, SequentialWinRatePlan {
    /** The plan as sentences for the terminal. */
    List<String> lines();
}
