package dev.promptarena.llm;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A provider's batch endpoint (OpenAI Batch, Anthropic Message Batches): many requests submitted as one
 * job, answered within a window at a discount. Calls are synchronous and few (one submit per chunk, one
 * poll per interval), so they block the one thread that drives batches. Failures are
 * {@link ProviderException}s, classified as the synchronous clients classify them; nothing here retries.
 */
public interface BatchApi extends AutoCloseable {
    /** What custom ids may look like: Anthropic's rule, which OpenAI's accepts too. */
    Pattern CUSTOM_ID = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

    /** One request of a batch, tagged with the id its answer comes back under. */
    record Item(String customId, LlmRequest request) {
        public Item {
            if (customId == null || !CUSTOM_ID.matcher(customId).matches())
                throw new IllegalArgumentException("custom_id must match " + CUSTOM_ID + ", got: " + customId);
            Objects.requireNonNull(request, "request");
        }
    }

    /** A batch's state as the run journals it (a provider's other states map onto these). */
    enum State {
        /** Journaled before the create request is sent: no batch id yet (a lost reply leaves a batch only a lookup can find). */
        SUBMITTING, SUBMITTED, IN_PROGRESS, COMPLETED, EXPIRED, FAILED;

        /** No more answers will come: collect what there is. */
        public boolean terminal() { return this == COMPLETED || this == EXPIRED || this == FAILED; }
    }

    /** @param detail the provider's own word for the state, and its errors when it failed */
    record Status(State state, long done, long failed, long total, String detail) {}

    /** One item's answer or its classified failure (exactly one is set). */
    record Outcome(String customId, LlmResponse response, ProviderException failure) {
        public Outcome {
            if ((response == null) == (failure == null)) throw new IllegalArgumentException("exactly one of response and failure");
        }
    }

    /** A provider's documented per-batch limits (requests and bytes of the upload). */
    record Limits(int maxRequests, long maxBytes) {
        public Limits {
            if (maxRequests < 1 || maxBytes < 1) throw new IllegalArgumentException("limits must be positive: " + maxRequests + ", " + maxBytes);
        }
    }

    Limits limits();

    /**
     * {@code item} as it goes into a batch's upload: one line of JSON ending in {@code \n} (OpenAI: the JSONL line;
     * Anthropic: the entry of {@code requests}). Its length is what the item adds to the batch's size.
     */
    byte[] encode(Item item);

    /**
     * Uploads and creates one batch of at most {@link #limits()} from {@code lines}, a file of the chunk's items as
     * {@link #encode} wrote them, streamed from disk (a 50,000-request upload is not built in memory); returns the
     * provider's batch id.
     *
     * @param tag the chunk's fingerprint, attached to the batch where the provider keeps metadata, so {@link #find} can
     *            recognize it after the create reply was lost
     */
    String submit(java.nio.file.Path lines, String tag);

    /**
     * What a lookup for a lost create found: the batch ({@code id}), nothing that could be ours ({@link #none}: the
     * create never arrived, sending it again pays once), or a batch that could be ours and cannot be told apart yet
     * ({@code waitFor}: look again later, send nothing).
     */
    record Lookup(String id, String waitFor) {
        public static Lookup found(String id) { return new Lookup(Objects.requireNonNull(id), null); }

        public static Lookup none() { return new Lookup(null, null); }

        public static Lookup waiting(String why) { return new Lookup(null, Objects.requireNonNull(why)); }
    }

    /** How far before the journaled submission time a lookup still accepts a batch (clock skew between us and the provider). */
    long LOOKUP_SLACK_MILLIS = 10 * 60 * 1000L;

    /** Pages of the provider's batch list a lookup reads at most (100 batches a page, newest first). */
    int LOOKUP_PAGES = 20;

    /**
     * The batch a create whose reply was lost made. Never a guess: a batch is adopted only when it is certainly this
     * chunk's (another client's batch of the same size must not be taken, nor ours paid for twice).
     *
     * @param tag       the fingerprint given to {@link #submit}
     * @param customIds the chunk's custom ids (derived from cache keys)
     * @param since     when the submission was journaled (epoch millis): older batches are not it
     * @param known     batch ids the run already owns (never adopted twice)
     */
    Lookup find(String tag, List<String> customIds, long since, java.util.Set<String> known);

    Status poll(String batchId);

    /**
     * Hands {@code each} the answers of a batch in a terminal state one at a time, as the results file is read (it is
     * never held whole); items the provider never answered are absent.
     */
    void results(String batchId, java.util.function.Consumer<Outcome> each);

    @Override
    default void close() {}
}
