package dev.promptarena.similarity.minilm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.similarity.CosineSimilarity;
import dev.promptarena.similarity.Embedder;
import dev.promptarena.similarity.Embedders;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs only with -Pembeddings (this source folder is not compiled otherwise). */
class MiniLmEmbedderTest {
    private static final Embedder E = new MiniLmEmbedder();

    @Test
    void discoveredThroughServiceLoader() {
        assertTrue(Embedders.available(Embedders.defaultLoader()));
        assertInstanceOf(MiniLmEmbedder.class, Embedders.discover(Embedders.defaultLoader()).orElseThrow());
    }

    @Test
    void vectorsAreNormalizedAndMeaningful() {
        List<float[]> v = E.embedAll(List.of(
                "You can get a refund within 30 days of purchase.",
                "Refunds are available for thirty days after you buy.",
                "The capital of France is Paris."));
        assertEquals(MiniLmEmbedder.DIMENSION, v.get(0).length);
        assertEquals(1.0, CosineSimilarity.of(v.get(0), v.get(0)), 1e-5);
        double paraphrase = CosineSimilarity.of(v.get(0), v.get(1));
        double unrelated = CosineSimilarity.of(v.get(0), v.get(2));
        assertTrue(paraphrase > 0.6, "paraphrase " + paraphrase);
        assertTrue(unrelated < 0.2, "unrelated " + unrelated);
    }

    @Test
    void blankAndReplacementCharacterTextDoNotThrow() {
        List<float[]> v = E.embedAll(List.of("\u0000", "ok \uFFFD\uFFFD policy"));
        assertEquals(0.0, CosineSimilarity.of(v.get(0), v.get(1)));
        assertEquals(MiniLmEmbedder.DIMENSION, v.get(1).length);
    }

    @Test
    void longTextIsEmbedded() {
        float[] v = E.embed("lorem ipsum dolor sit amet ".repeat(300));
        assertEquals(MiniLmEmbedder.DIMENSION, v.length);
    }
}
