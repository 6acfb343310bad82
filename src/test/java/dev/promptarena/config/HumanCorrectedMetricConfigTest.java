package dev.promptarena.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code decision.metric: human_corrected_win_rate} and its file:line errors. */
class HumanCorrectedMetricConfigTest {
    @TempDir Path dir;

    private Path write(String decision) throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"1\",\"q\":\"hi\"}\n");
        Files.writeString(dir.resolve("rubric.yaml"), "axes: []\n");
        Path p = dir.resolve("arena.yaml");
        Files.writeString(p, ConfigLoaderTest.VALID + "decision:\n" + decision);
        return p; // VALID has 11 lines, so the first decision key is on line 13
    }

    @Test
    void theMetricIsParsedWithEitherTest() throws IOException {
        DecisionPolicy p = new ConfigLoader(Map.of()).load(write("  metric: human_corrected_win_rate\n")).policy();
        assertEquals(DecisionPolicy.Metric.HUMAN_CORRECTED_WIN_RATE, p.metric());
        assertEquals(0.5, p.threshold());
        DecisionPolicy ni = new ConfigLoader(Map.of()).load(write("  test: non_inferiority\n  margin: 0.05\n  metric: human_corrected_win_rate\n")).policy();
        assertEquals(DecisionPolicy.Metric.HUMAN_CORRECTED_WIN_RATE, ni.metric());
        assertEquals(0.45, ni.threshold(), 1e-12);
    }

    @Test
    void anUnknownMetricNamesFileLineFieldAndTheChoices() throws IOException {
        Path p = write("  alpha: 0.05\n  metric: human_win_rate\n");
        InputException e = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p));
        assertEquals(p, e.file());
        assertEquals(14, e.line());
        assertEquals("decision.metric", e.field());
        assertTrue(e.getMessage().contains("human_corrected_win_rate"), e.getMessage());
    }

    @Test
    void aSequentialDesignCannotGateOnLabelsThatComeAfterTheRun() throws IOException {
        Path p = write("  metric: human_corrected_win_rate\n  sequential:\n    looks: 3\n");
        InputException e = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p));
        assertEquals(13, e.line());
        assertEquals("decision.metric", e.field());
        assertTrue(e.getMessage().contains("sequential"), e.getMessage());
    }
}
