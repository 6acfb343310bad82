package dev.promptarena.config;

/**
 * {@code engine: {mode, batch_retry}}: whether the run's calls go to the providers' batch APIs, and what
 * happens to a batch item that failed or expired.
 *
 * @param enabled {@code mode: batch} (or {@code run --batch})
 * @param retry   {@code batch_retry}: retry failed or expired items synchronously (default) or in a follow-up batch
 */
public record BatchSettings(boolean enabled, Retry retry) {
    /** How failed or expired batch items are retried (once; a second failure is recorded under its reason). */
    public enum Retry { SYNC, BATCH }

    /** The default: synchronous calls. */
    public static final BatchSettings SYNC = new BatchSettings(false, Retry.SYNC);

    public BatchSettings {
        java.util.Objects.requireNonNull(retry, "retry");
    }

    public BatchSettings withEnabled(boolean on) { return new BatchSettings(on, retry); }
}
