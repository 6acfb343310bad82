package dev.promptarena.validity;

import java.util.List;

/**
 * A simulated judge of known behaviour for {@link SimArena}: the sim provider's judge options, how much longer B's
 * answers are, and the true win rate the primary estimate should find (after removing the position effect).
 *
 * @param name        label in the rates table
 * @param options     the sim judge's options (YAML flow entries)
 * @param extraWords  words B's answers have on top of A's varying length
 * @param trueWinRate the position-free win rate of B the judge implies
 */
public record Personality(String name, String options, int extraWords, double trueWinRate) {
    static final Personality NO_PREFERENCE = new Personality("no preference (A/A)", "judge: preference, preference: 0.5", 0, 0.5);
    static final Personality PREFERENCE_60 = new Personality("preference 0.6", "judge: preference, preference: 0.6", 0, 0.6);
    static final Personality ALWAYS_FIRST = new Personality("always first", "judge: preference, position_bias: 1", 0, 0.5);
    /** Position bias q = 0.3 mixed with preference 0.6: 30% of verdicts name the first slot, the rest prefer B 60/40. */
    static final Personality BIASED_60 = new Personality("preference 0.6 + position bias 0.3",
            "judge: preference, preference: 0.6, position_bias: 0.3", 0, 0.3 * 0.5 + 0.7 * 0.6);
    static final Personality POSITION_ONLY = new Personality("position bias 0.3, no preference",
            "judge: preference, position_bias: 0.3", 0, 0.5);
    /** B is 80 words longer and the judge always picks the longer answer. */
    static final Personality ALWAYS_LONGER = new Personality("always longer (B +80 words)", "judge: preference, length_bias: 1", 80, 1.0);
    /** No real preference; 30% of verdicts go to the longer answer, lengths vary, B not longer on average by design. */
    static final Personality LENGTH_BIASED = new Personality("length bias 0.3, no preference", "judge: preference, length_bias: 0.3", 0, Double.NaN);
    static final Personality TIES_60 = new Personality("no preference, 60% ties", "judge: preference, tie_rate: 0.6", 0, 0.5);
    static final Personality UNPARSEABLE = new Personality("no preference, 3% unparseable", "judge: preference, unparseable_rate: 0.03", 0, 0.5);

    /**
     * A true segment reversal: the judge prefers B with probability 0.7 in billing and shipping (the first 75% of
     * {@link SimArena}'s cases) and A with probability 0.7 in returns (the last 25%); the pooled truth is 0.6. The
     * pattern marks B's answer to questions 0-149 and A's answer (not preceded by B's marker) to questions 150-199,
     * so it is meant for SimArena's n = 200.
     */
    static final Personality SEGMENT_REVERSAL = new Personality("segment reversal (returns prefer A 0.7, the rest B 0.7)",
            "judge: preference, preference: 0.7, prefer: '\\[candidate\\] Here is the answer to question (\\d|[1-9]\\d|1[0-4]\\d)\\b"
                    + "|(?<!\\] )Here is the answer to question 1[5-9]\\d\\b'", 0, 0.6);

    /** Every personality, in table order. */
    static final List<Personality> ALL = List.of(NO_PREFERENCE, TIES_60, UNPARSEABLE, POSITION_ONLY, ALWAYS_FIRST, LENGTH_BIASED,
            ALWAYS_LONGER, PREFERENCE_60, BIASED_60, SEGMENT_REVERSAL);
}
