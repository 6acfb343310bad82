package dev.promptarena.stats;

/**
 * Whether a result was pre-registered (decides the gate) or is exploratory (read it, don't gate on it:
 * its p-values are not protected against the many comparisons one can look at after the fact).
 */
public enum Evidence { PRIMARY, EXPLORATORY }
