package dev.promptarena.config;

/**
 * {@code engine: {mode, batch_retry}}: whether the run's calls go to the providers' batch APIs, and what
 * happens to a batch item that failed or expired.
 *
 * @param enabled {@code mode: batch} (or {@code run --batch})
 * @param retry   {@code batch_retry}: retry failed or expired items synchronously (default) or in a follow-up batch
 * @param pollSeconds {@code batch_poll_seconds}: seconds between two polls of the live batches, or null for the default (30)
 */
public record BatchSettings(boolean enabled, Retry retry, Integer pollSeconds) {
    /** How failed or expired batch items are retried (once; a second failure is recorded under its reason). */
    public enum Retry { SYNC, BATCH }

    /** The default: synchronous calls. */
    public static final BatchSettings SYNC = new BatchSettings(false, Retry.SYNC, null);

    public BatchSettings {
        java.util.Objects.requireNonNull(retry, "retry");
        if (pollSeconds != null && (pollSeconds < 1 || pollSeconds > MAX_POLL_SECONDS)) {
            throw new IllegalArgumentException("pollSeconds must be in [1, " + MAX_POLL_SECONDS + "], got: " + pollSeconds);
        }
    }

    /** A day: a batch answers within 24 h, so a longer wait could only miss its end. */
    public static final int MAX_POLL_SECONDS = 86_400;

    public BatchSettings withEnabled(boolean on) { return new BatchSettings(on, retry, pollSeconds); }
}
