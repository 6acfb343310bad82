package dev.promptarena.similarity;

import java.util.List;

/**
 * Turns text into a vector whose cosine similarity tracks meaning. The core never depends on a
 * model: an implementation (the optional {@code -Pembeddings} build ships all-MiniLM-L6-v2) is found
 * with {@link java.util.ServiceLoader} through {@link Embedders}. Implementations must be cheap to
 * construct (load the model on first use) and safe to call from several threads.
 */
public interface Embedder {
    /** A stable id of the model, recorded in the run manifest, e.g. {@code all-minilm-l6-v2}. */
    String modelId();

    /** One vector per text, in order; every vector has the same dimension. */
    List<float[]> embedAll(List<String> texts);

    /** Convenience for a single text. */
    default float[] embed(String text) { return embedAll(List.of(text)).get(0); }
}
