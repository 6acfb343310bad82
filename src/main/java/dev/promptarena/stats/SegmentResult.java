package dev.promptarena.stats;

/**
 * B's win rate inside one segment (tag key = value), exploratory.
 *
 * @param key       tag key
 * @param value     tag value ({@code (missing)} for outcomes without the key)
 * @param outcomes  all outcomes in the segment
 * @param scored    scored outcomes (n for the win rate)
 * @param wins      B wins
 * @param losses    A wins
 * @param ties      ties and inconsistent verdicts
 * @param errorsA   outcomes where A failed to generate
 * @param errorsB   outcomes where B failed to generate
 * @param winRate   tie-half win rate; null when nothing is scored
 * @param wilson    Wilson interval (n = scored)
 * @param p         exact two-sided sign test of wins vs losses
 * @param pBenjaminiHochberg BH-adjusted across all segments of all keys
 * @param tooSmall  scored &lt; {@link SegmentAnalysis#MIN_N}: read the numbers as anecdotes
 */
public record SegmentResult(String key, String value, int outcomes, int scored, int wins, int losses, int ties,
                            int errorsA, int errorsB, Double winRate, Interval wilson, double p,
                            double pBenjaminiHochberg, boolean tooSmall) {}
