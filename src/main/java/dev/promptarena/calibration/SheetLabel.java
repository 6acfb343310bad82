package dev.promptarena.calibration;

/**
 * One filled row of a label sheet, mapped back to variants.
 *
 * @param caseId      the golden case
 * @param repeat      the repeat that was shown
 * @param probability the probability the case had of being drawn
 * @param score       B's tie-half score from the label: 1 (B better), ½ (tie), 0 (A better)
 * @param line        line in the file (for messages)
 */
public record SheetLabel(String caseId, int repeat, double probability, double score, int line) {}
