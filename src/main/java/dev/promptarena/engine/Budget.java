package dev.promptarena.engine;

/**
 * A spending cap. Before a call is issued its worst-case cost (prompt estimate plus max_tokens
 * of output) is reserved; a call whose reservation would cross the cap is not issued, and from
 * then on no new call is — the run is reported as partial rather than overspending. Cached and
 * journaled answers cost nothing and are still served.
 */
public final class Budget {
    private final Double maxUsd;
    private double spent;
    private double reserved;
    private boolean exhausted;

    /** @param maxUsd the cap in USD, or null for none */
    public Budget(Double maxUsd) {
        if (maxUsd != null && !(maxUsd >= 0)) throw new IllegalArgumentException("max cost must be >= 0 USD, got: " + maxUsd);
        this.maxUsd = maxUsd;
    }

    /** Reserves {@code estimateUsd}; false (and exhausted from now on) when that would cross the cap. */
    public synchronized boolean tryReserve(double estimateUsd) {
        if (maxUsd == null) return true;
        if (exhausted || spent + reserved + estimateUsd > maxUsd) {
            exhausted = true;
            return false;
        }
        reserved += estimateUsd;
        return true;
    }

    /** Replaces a reservation by what the call actually cost (0 if it failed without usage). */
    public synchronized void settle(double estimateUsd, double actualUsd) {
        if (maxUsd != null) reserved -= estimateUsd;
        spent += actualUsd;
    }

    /** Adds cost already paid in an earlier session of this run (served from the journal). */
    public synchronized void addSpent(double usd) { spent += usd; }

    public synchronized boolean exhausted() { return exhausted; }

    public Double maxUsd() { return maxUsd; }
}
