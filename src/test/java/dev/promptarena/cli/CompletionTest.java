package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code prompt-arena generate-completion}: picocli's bash/zsh script covers every command and option. */
class CompletionTest {
    @Test
    void scriptCoversEveryCommandAndStaysOutOfTheHelpList() {
        CliRun r = CliRun.of("generate-completion");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("complete -F _complete_prompt-arena") || r.out().contains("-F _complete_prompt-arena prompt-arena"), r.out());
        for (String cmd : List.of("run", "validate", "report", "plan", "calibrate", "compare", "import", "runs")) {
            assertTrue(r.out().contains("_picocli_prompt-arena_" + cmd + "()"), cmd);
        }
        // Options of a subcommand and the enum values of import's TOOL are completed.
        assertTrue(r.out().contains("--max-cost"), "run's options");
        assertTrue(r.out().contains("promptfoo"), "import's TOOL values");
        assertFalse(CliRun.of("--help").out().contains("generate-completion"));
    }

    /** Enum options complete in the spelling the docs and the converters use, not picocli's constant names. */
    @Test
    void enumOptionsCompleteInTheDocumentedSpelling() {
        String script = CliRun.of("generate-completion").out();
        for (String values : List.of("(\"point\" \"lower-bound\") # --rule", "(\"random\" \"uncertain\") # --strategy",
                "(\"vs_control\" \"round_robin\" \"adaptive\") # --schedule", "(\"obrien_fleming\" \"pocock\") # --spending",
                "(\"none\" \"obrien_fleming\" \"pocock\") # --futility")) {
            assertTrue(script.contains(values), values);
        }
        assertFalse(script.contains("LOWER_BOUND") || script.contains("UNCERTAIN") || script.contains("OBRIEN_FLEMING"), "constant names offered");
    }
}
