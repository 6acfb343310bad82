/** The analysis stage: recorded case outcomes to an analysis result and its decision (the same code for interim looks, the end of a run and {@code report}). */
package dev.promptarena.analysis;
