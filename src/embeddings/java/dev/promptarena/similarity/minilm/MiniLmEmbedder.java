package dev.promptarena.similarity.minilm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.promptarena.similarity.Embedder;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (sentence-transformers, 384 dimensions, mean pooling, L2-normalized) run
 * in-process on ONNX Runtime through langchain4j; the model ships inside the jar, so it works offline.
 * Only built with {@code -Pembeddings}; registered for {@link java.util.ServiceLoader}.
 */
public final class MiniLmEmbedder implements Embedder {
    /** Output dimension of the model. */
    public static final int DIMENSION = 384;

    // Loading reads a 90 MB ONNX file, so it waits for the first embedding: ServiceLoader and
    // `prompt-arena validate` construct this class without paying for it.
    private EmbeddingModel model;

    @Override
    public String modelId() { return "sentence-transformers/all-MiniLM-L6-v2 (onnx, langchain4j 1.11.0-beta19)"; }

    private synchronized EmbeddingModel model() {
        if (model == null) model = new AllMiniLmL6V2EmbeddingModel();
        return model;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>();
        List<Integer> slot = new ArrayList<>();
        for (String t : texts) {
            // langchain4j rejects text that trims to nothing (e.g. only control characters); such text
            // carries no meaning, so it gets the zero vector, whose cosine to anything is 0.
            if (t == null || t.trim().isEmpty()) { slot.add(-1); continue; }
            slot.add(segments.size());
            segments.add(TextSegment.from(t));
        }
        List<Embedding> embedded = segments.isEmpty() ? List.of() : model().embedAll(segments).content();
        List<float[]> out = new ArrayList<>();
        for (int s : slot) out.add(s < 0 ? new float[DIMENSION] : embedded.get(s).vector());
        return out;
    }
}
