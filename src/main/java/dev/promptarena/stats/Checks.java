package dev.promptarena.stats;

/** Argument checks that print the bad value (package-private helpers for the statistics classes). */
final class Checks {
    private Checks() {}

    static void alpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1), got: " + alpha);
    }

    static void probability(String name, double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException(name + " must be in [0, 1], got: " + p);
    }

    static void openProbability(String name, double p) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException(name + " must be in (0, 1), got: " + p);
    }

    static void positive(String name, double v) {
        if (!(v > 0)) throw new IllegalArgumentException(name + " must be > 0, got: " + v);
    }
}
