package dev.promptarena.stats.tournament;

/** The judge's verdict on one presented pair, in presentation terms: the first slot won, the second won, or a tie. */
public enum GameResult {
    FIRST, SECOND, TIE
}
