package dev.promptarena.rubric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An anchor is what the judge scores against: an empty one is refused at its line, like the rubric's other mistakes. */
class RubricAnchorsTest {
    @TempDir Path dir;

    @Test
    void anEmptyAnchorIsRefusedAtItsLine() throws IOException {
        for (String three : List.of("\"\"", "\"  \"", "", "~")) {
            Path p = dir.resolve("rubric.yaml");
            Files.writeString(p, """
                    axes:
                      - name: Helpfulness
                        anchors:
                          1: unhelpful
                          3: %s
                          5: fully answers the question
                    """.formatted(three));
            InputException e = assertThrows(InputException.class, () -> new RubricLoader(false).load(p), three);
            assertEquals(p, e.file());
            assertEquals(5, e.line(), three);
            assertEquals("axes[0].anchors.3", e.field());
            assertEquals("the anchor for score 3 is empty; say what a 3 means", e.getMessage());
        }
    }

    @Test
    void anchorsWithTextStillLoad() throws IOException {
        Path p = dir.resolve("rubric.yaml");
        Files.writeString(p, "axes:\n  - name: Helpfulness\n    anchors: {1: bad, 3: ok, 5: great}\n");
        assertEquals("ok", new RubricLoader(false).load(p).axes().get(0).anchors().get(3));
    }
}
