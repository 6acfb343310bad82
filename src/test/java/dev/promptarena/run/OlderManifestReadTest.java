package dev.promptarena.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * manifest.json written before variants recorded {@code responsesSha256} and before judges had {@code id} and
 * {@code structured} still reads: Jackson builds the records through their canonical constructors and leaves the
 * missing fields null, so no compatibility constructor is needed for older run folders.
 */
class OlderManifestReadTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void aManifestWithoutTheLaterVariantAndJudgeFieldsReadsWithThemNull() throws Exception {
        Path golden = Path.of("src/test/resources/golden-main/fake/manifest.json");
        ObjectNode older = (ObjectNode) JSON.readTree(golden.toFile());
        older.get("variants").forEach(v -> ((ObjectNode) v).remove("responsesSha256"));
        ((ObjectNode) older.get("judge")).remove("id");
        ((ObjectNode) older.get("judge")).remove("structured");
        older.remove("judges");
        Path file = dir.resolve("manifest.json");
        JSON.writeValue(file.toFile(), older);

        Manifest read = ManifestFactory.read(file);
        Manifest current = ManifestFactory.read(golden);
        for (String v : new String[] {"A", "B"}) {
            assertNull(read.variants().get(v).responsesSha256(), v);
            assertEquals(current.variants().get(v).userTemplateSha256(), read.variants().get(v).userTemplateSha256(), v);
        }
        assertNull(read.judge().id());
        assertNull(read.judge().structured());
        assertEquals(current.judge().model(), read.judge().model());
        assertEquals(current.judge().seed(), read.judge().seed());
    }
}
