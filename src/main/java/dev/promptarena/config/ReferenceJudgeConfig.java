package dev.promptarena.config;

/**
 * {@code judge: {type: reference, margin: 0.0}}: the model-free judge that decides each pair from
 * the rubric's checks and similarity (judge.ReferenceJudge). Also used, with margin 0, when the
 * rubric has checks only and no judge is configured.
 *
 * @param margin score difference that still counts as a tie (>= 0)
 * @param seed   seed of the win-rate bootstrap (the LLM judge's order seed plays that role otherwise)
 */
public record ReferenceJudgeConfig(double margin, long seed) {
    public ReferenceJudgeConfig {
        if (!(margin >= 0) || Double.isInfinite(margin)) throw new IllegalArgumentException("margin must be a number >= 0, got: " + margin);
    }

    /** The judge used for a checks-only rubric without a {@code judge:} section. */
    public static ReferenceJudgeConfig implicit() { return new ReferenceJudgeConfig(0, 0); }

    /** This judge with another seed (the {@code --seed} override). */
    public ReferenceJudgeConfig withSeed(long newSeed) { return new ReferenceJudgeConfig(margin, newSeed); }
}
