package dev.promptarena.stats.tournament;

/** How the Bradley–Terry fit treats a tie. */
public enum TieModel {
    /**
     * A tie counts as half a win for each side (the tie-half convention of the two-variant win rate); the
     * likelihood is the plain Bradley–Terry one with frequency weights ½, so the fit equals a weighted logistic
     * regression of the same design.
     */
    HALF,
    /**
     * Davidson (1970): P(i beats j) ∝ πᵢ, P(j beats i) ∝ πⱼ, P(tie) ∝ ν·√(πᵢπⱼ), with the tie parameter
     * θ = log ν estimated. Ties are evidence of closeness rather than half a win; the scores keep the
     * Bradley–Terry meaning P(i beats j | not a tie) = πᵢ / (πᵢ + πⱼ).
     */
    DAVIDSON
}
