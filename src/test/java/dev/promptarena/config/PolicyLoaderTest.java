package dev.promptarena.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.decision.GuardrailSpec;
import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code decision:} block: margin only with non-inferiority, min_effect, guardrail modes and level. */
class PolicyLoaderTest {
    @TempDir Path dir;

    private Path write(String decision) throws IOException {
        Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"1\",\"q\":\"hi\"}\n");
        Files.writeString(dir.resolve("rubric.yaml"), "axes: []\n");
        Path p = dir.resolve("arena.yaml");
        Files.writeString(p, ConfigLoaderTest.VALID + "decision:\n" + decision);
        return p;
    }

    @Test
    void aMarginWithSuperiorityIsRejectedWithFileLineAndField() throws IOException {
        Path p = write("  test: superiority\n  margin: 0.05\n");
        InputException e = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p));
        assertEquals(p, e.file());
        assertEquals(14, e.line()); // VALID has 11 lines, then decision:, test:, margin:
        assertEquals("decision.margin", e.field());
        assertTrue(e.getMessage().contains("non_inferiority"), e.getMessage());
    }

    @Test
    void minEffectGuardrailModesAndLevel() throws IOException {
        Path p = write("  min_effect: 0.05\n  guardrail_alpha: 0.01\n  guardrails:\n"
                + "    axis_drop_max: {limit: 0.2, mode: safety_proven}\n    latency_p95_increase_ms: 500\n");
        DecisionPolicy policy = new ConfigLoader(Map.of()).load(p).policy();
        assertEquals(0.05, policy.minEffect());
        assertEquals(0.01, policy.guardrailLevel());
        GuardrailSpec axis = policy.guardrails().stream().filter(g -> g.metric().equals("axis_drop_max")).findFirst().orElseThrow();
        assertEquals(GuardrailSpec.Mode.SAFETY_PROVEN, axis.mode());
        assertEquals(0.2, axis.limit());
        assertEquals(0.025, new ConfigLoader(Map.of()).load(write("  alpha: 0.05\n")).policy().guardrailLevel(), 1e-15);
        assertEquals(DecisionPolicy.Metric.WIN_RATE, policy.metric());
        assertEquals(DecisionPolicy.Metric.LENGTH_CONTROLLED_WIN_RATE,
                new ConfigLoader(Map.of()).load(write("  metric: length_controlled_win_rate\n")).policy().metric());
    }

    @Test
    void aModeOnAPointEstimateGuardrailIsAnError() throws IOException {
        // Run health limits what happened in this run: it has no interval, so no mode.
        Path p = write("  guardrails:\n    error_rate_max: {limit: 0.05, mode: harm_proven}\n");
        InputException e = assertThrows(InputException.class, () -> new ConfigLoader(Map.of()).load(p));
        assertTrue(e.getMessage().contains("error_rate_max") && e.getMessage().contains("take a mode"), e.getMessage());
    }

    // decision.metric: human_corrected_win_rate (issue 17)

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
