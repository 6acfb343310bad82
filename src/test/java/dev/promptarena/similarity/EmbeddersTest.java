package dev.promptarena.similarity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddersTest {
    @Test
    void withoutTheModuleNothingIsFoundAndTheMessageSaysHowToEnableIt() {
        ClassLoader jdkOnly = new ClassLoader(null) {};
        assertFalse(Embedders.available(jdkOnly));
        assertTrue(Embedders.discover(jdkOnly).isEmpty());
        assertTrue(Embedders.HOW_TO_ENABLE.contains("mvn -Pembeddings package"));
    }

    @Test
    void aRegistrationWhoseClassIsMissingCountsAsAbsent(@TempDir Path dir) throws Exception {
        // What a half-copied classpath looks like: the services file without the implementation.
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(Embedder.class.getName()), "dev.promptarena.similarity.minilm.Missing\n");
        try (URLClassLoader broken = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertFalse(Embedders.available(broken));
            assertTrue(Embedders.discover(broken).isEmpty());
        }
    }
}
