package dev.promptarena.calibration;

import dev.promptarena.stats.Interval;

/**
 * How far one judge (or the panel's majority) agrees with the human labels on the labelled outcomes.
 *
 * @param judge             judge id, or {@code panel} for the combined verdict the gate uses
 * @param items             labelled outcomes this judge gave a scored verdict on
 * @param unjudged          labelled outcomes with no scored verdict from it (unparseable or generation error)
 * @param matches           items where its verdict equals the human label (A, B or tie)
 * @param agreement         matches / items (raw agreement with ties); null without items
 * @param decisiveItems     items where both the human and the judge named a winner
 * @param decisiveAgreement agreement on those (raw agreement without ties); null without such items
 * @param kappa             Cohen's kappa over the 3 × 3 table; null when undefined (one category only)
 * @param kappaInterval     its Wald interval
 * @param confusion         rows: human A, B, tie; columns: judge A, B, tie (an order-dependent verdict counts as tie)
 * @param note              why kappa is missing, or null
 */
public record JudgeAgreement(String judge, int items, int unjudged, int matches, Double agreement, int decisiveItems,
                             Double decisiveAgreement, Double kappa, Interval kappaInterval, int[][] confusion, String note) {}
