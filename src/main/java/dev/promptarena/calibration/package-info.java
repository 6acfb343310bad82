/** Judge calibration: a run's judge verdicts compared with human labels of the same cases ({@code calibrate}). */
package dev.promptarena.calibration;
