package dev.promptarena.stats;

/** A verdict in variant terms (already mapped back from presented positions). */
public enum Winner { A, B, TIE, UNPARSEABLE }
