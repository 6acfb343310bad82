package dev.promptarena.similarity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmbeddersTest {
    @Test
    void withoutTheModuleNothingIsFoundAndTheMessageSaysHowToEnableIt() {
        ClassLoader jdkOnly = new ClassLoader(null) {};
        assertFalse(Embedders.available(jdkOnly));
        assertTrue(Embedders.discover(jdkOnly).isEmpty());
        assertTrue(Embedders.HOW_TO_ENABLE.contains("mvn -Pembeddings package"));
    }
}
