package dev.promptarena.engine;

import dev.promptarena.llm.BilledUsage;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.Usage;
import dev.promptarena.util.Futures;
import java.util.Objects;

/**
 * A call's final failure as journaled and reported.
 *
 * @param kind    RATE_LIMITED, TRANSIENT, FATAL (or BUDGET when the budget stopped it)
 * @param status  HTTP status, 0 when there was none
 * @param message the provider's error text and attempt count, secrets removed
 */
public record CallFailure(String kind, int status, String message) {
    public CallFailure {
        Objects.requireNonNull(kind, "kind");
        message = message == null ? "" : message;
    }

    public static CallFailure of(ProviderException e) {
        return new CallFailure(e.kind().name(), e.status(), e.getMessage());
    }

    /** The failure a call's future completed with: the provider's, unwrapped, else anything else as FATAL with no status. */
    static CallFailure ofError(Throwable error) {
        Throwable t = Futures.cause(error);
        return of(t instanceof ProviderException pe ? pe : new ProviderException(ProviderException.Kind.FATAL, 0, String.valueOf(t), null));
    }

    /** The counter bucket: kind plus status, e.g. {@code FATAL 401}, {@code TRANSIENT} for a timeout. */
    public String reason() { return status > 0 ? kind + " " + status : kind; }

    public ProviderException toException() { return toException(Usage.NONE); }

    /**
     * The exception a failed call completes with; {@code billed}, the tokens its attempts were billed without an answer,
     * rides along (when there were any) so that the case's cost counts what the failure cost.
     */
    public ProviderException toException(Usage billed) {
        ProviderException.Kind k = switch (kind) {
            case "RATE_LIMITED" -> ProviderException.Kind.RATE_LIMITED;
            case "TRANSIENT" -> ProviderException.Kind.TRANSIENT;
            default -> ProviderException.Kind.FATAL;
        };
        return new ProviderException(k, status, message, null, Usage.NONE.equals(billed) ? null : new BilledUsage(billed, null));
    }
}
