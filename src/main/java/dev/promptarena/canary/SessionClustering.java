package dev.promptarena.canary;

/**
 * How the turns behind a signal rate are clustered by session in one window ({@code signals-windows.csv}): the rate's
 * design effect (its session-clustered variance over the variance of as many independent turns, at least 1), the number
 * of sessions that design effect was estimated from, and the number of turns. The sessions matter as much as the design
 * effect: one estimated from 15 sessions is itself noisy, and the stage limit's allowance accounts for that
 * ({@link StageLimits#forDesignEffect}).
 */
public record SessionClustering(double designEffect, int sessions, int turns) {
    public SessionClustering {
        if (!(designEffect >= 1)) throw new IllegalArgumentException("design effect must be >= 1, got: " + designEffect);
        if (sessions < 1 || sessions > turns) throw new IllegalArgumentException("sessions must be in [1, turns " + turns + "], got: " + sessions);
    }
}
