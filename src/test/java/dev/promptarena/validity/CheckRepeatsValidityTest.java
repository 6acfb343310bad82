package dev.promptarena.validity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.decision.GuardrailResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check_pass_drop_max with {@code --repeats 3} through the real pipeline ({@link OpsArena}, A/A): the guardrail is
 * decided on the clustered (design-effect-corrected) bound and breaches at its level. The sim draws each repeat
 * afresh, so its repeats barely agree; repeats that do agree (where the unclustered bound was 5x liberal) are
 * covered on the decision code by ClusteredCheckGuardrailTest.
 */
class CheckRepeatsValidityTest {
    @TempDir Path dir;

    @Test
    void underAaWithRepeatsTheCheckGuardrailIsClusteredAndBreachesAtItsLevel() {
        OpsArena arena = new OpsArena(dir.resolve("ops"), 100);
        int runs = 12, breaches = 0;
        for (long s = 0; s < runs; s++) {
            AnalysisResult a = arena.run(OpsArena.Variant.SAME, OpsArena.AA_GUARDRAILS, s, 3);
            GuardrailResult g = a.decision().guardrails().stream().filter(x -> x.metric().equals("check_pass_drop_max.offers_more"))
                    .findFirst().orElseThrow();
            assertTrue(g.detail().contains("A ") && g.detail().contains("/300"), g.detail());
            assertTrue(g.detail().contains("design effect"), "decided on cases, not pairs: " + g.detail());
            breaches += g.breached() ? 1 : 0;
        }
        // γ = 0.025: 0.3 expected in 12 runs; 3 or more has probability 0.003.
        assertTrue(breaches <= 2, "A/A breaches with repeats: " + breaches + " of " + runs);
    }
}
