package dev.promptarena.similarity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmbeddersTest {
    @Test
    void defaultBuildHasNoEmbedderAndSaysHowToEnableIt() {
        // The default test classpath must not carry the ~100 MB model; the -Pembeddings build does.
        assertFalse(Embedders.available(Embedders.defaultLoader()) && System.getProperty("embeddings.profile") == null);
        assertTrue(Embedders.HOW_TO_ENABLE.contains("mvn -Pembeddings package"));
    }
}
