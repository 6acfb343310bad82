package dev.promptarena.engine;

import dev.promptarena.llm.BatchApi;
import dev.promptarena.llm.ProviderException;
import java.util.Locale;

/**
 * Finds the batch a create whose HTTP reply was lost made (issue 21: never pay twice). A chunk is journaled as
 * {@code SUBMITTING} with its fingerprint before the create is sent; when no batch id came back (the reply was lost,
 * or the process died waiting for it), the provider's batch list is searched for it before its requests are sent
 * again. Found (certainly this chunk's: {@link BatchApi#find}): the batch is adopted and polled like any other. Nothing
 * that could be ours: the create never arrived, and the requests fail (then are retried as {@code batch_retry} says).
 * A batch that could be ours but cannot be told apart yet, or the list itself failing: asked again at the next poll.
 */
final class BatchLookup {
    private final BatchLane lane;
    private final java.util.Set<String> told = new java.util.HashSet<>();

    BatchLookup(BatchLane lane) {
        this.lane = lane;
    }

    /**
     * The entry {@code b} (submitting, no id) becomes: adopted (submitted, with the id found), failed (no such batch),
     * or null when the provider could not be asked now. The new state is journaled before this returns.
     */
    BatchLog.Entry resolve(BatchLog.Entry b) {
        BatchApi.Lookup found;
        try {
            found = b.tag() == null ? BatchApi.Lookup.none()
                    : lane.apis.get(b.provider()).find(b.tag(), b.customIds(), b.atMillis(), lane.log.knownIds());
        } catch (ProviderException e) {
            lane.options.log().accept("batch " + b.provider() + ": the create's reply was lost and the batch list could not be read ("
                    + e.getMessage() + "); asking again at the next poll");
            return null;
        }
        if (found.waitFor() != null) {
            // Said once per chunk and reason: the wait may last until the other batch ends, one poll interval at a time.
            if (told.add(b.slot() + found.waitFor())) lane.options.log().accept("batch " + b.provider() + ": the create's reply was lost and "
                    + found.waitFor() + "; nothing is sent again while a batch that could be ours runs, asking again at the next poll");
            return null;
        }
        BatchLog.Entry next = found.id() == null ? b.in(BatchApi.State.FAILED, lane.clock.millis()) : b.created(found.id(), lane.clock.millis());
        lane.log.append(next);
        lane.options.log().accept(found.id() == null
                ? String.format(Locale.ROOT, "batch %s: the create's reply was lost and no batch could be ours; %d requests to retry",
                        b.provider(), b.customIds().size())
                : String.format(Locale.ROOT, "batch %s %s: the create's reply was lost; found the batch and adopted it (%d requests)",
                        b.provider(), found.id(), b.customIds().size()));
        return next;
    }
}
