package dev.promptarena.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.promptarena.llm.BilledUsage;
import dev.promptarena.llm.LlmResponse;
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
 * @param billed  tokens of the call's attempts the provider billed without an answer. Journaled with the failure (and
 *                left out when none, so such lines stay as they were) because its cost alone was: a resumed run counted
 *                the cost of a failed call but not its tokens, so engine.json's tokens fell short of the cold run's
 */
public record CallFailure(String kind, int status, String message,
                          @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = LlmResponse.NoTokens.class) Usage billed) {
    public CallFailure {
        Objects.requireNonNull(kind, "kind");
        message = message == null ? "" : message;
        billed = billed == null ? Usage.NONE : billed;
    }

    /** A failure nothing was billed for. */
    public CallFailure(String kind, int status, String message) { this(kind, status, message, Usage.NONE); }

    /** This failure after its attempts were billed {@code tokens} without an answer. */
    CallFailure withBilled(Usage tokens) { return new CallFailure(kind, status, message, tokens); }

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

    /**
     * The exception a failed call completes with; {@link #billed}, the tokens its attempts were billed without an answer,
     * rides along (when there were any) so that the case's cost counts what the failure cost.
     */
    public ProviderException toException() {
        ProviderException.Kind k = switch (kind) {
            case "RATE_LIMITED" -> ProviderException.Kind.RATE_LIMITED;
            case "TRANSIENT" -> ProviderException.Kind.TRANSIENT;
            default -> ProviderException.Kind.FATAL;
        };
        return new ProviderException(k, status, message, null, Usage.NONE.equals(billed) ? null : new BilledUsage(billed, null));
    }
}
