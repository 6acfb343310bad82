/**
 * Judge calibration and human labels: a run's judge verdicts compared with human labels of the same cases
 * ({@code calibrate}), the label sheets humans fill in ({@code label}) and the human-corrected win rate they give.
 */
package dev.promptarena.calibration;
