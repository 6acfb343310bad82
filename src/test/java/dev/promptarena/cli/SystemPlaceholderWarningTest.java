package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system prompt is not a template (README): a {@code {{field}}} in it was sent to the model literally, on every case,
 * without a word. validate and run now warn, naming the file, line and key; the run itself is unchanged.
 */
class SystemPlaceholderWarningTest {
    @TempDir Path dir;

    private static final String WARNING = ", which looks like a placeholder, but the system prompt is not a template:"
            + " the model gets it as written on every case (case fields go in user:)";

    @Test
    void validateAndRunWarnAtTheLineOfSystem() throws IOException {
        Path config = CliRuns.arena(dir, "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n");
        String yaml = Files.readString(config).replace("system: \"Be helpful and use the customer's name.\"",
                "system: \"Be helpful and call the customer {{ customer_name }}.\"");
        Files.writeString(config, yaml);
        int line = lineOf(yaml, "{{ customer_name }}");
        String expected = "warning: " + config + ":" + line + ": variants.B.system: holds {{ customer_name }}" + WARNING;

        CliRuns.Result v = CliRuns.cli("validate", config.toString());
        assertEquals(0, v.exit(), v.err());
        assertTrue(v.err().contains(expected), v.err());
        assertEquals(1, v.err().lines().filter(l -> l.contains("system prompt is not a template")).count(), v.err());

        CliRuns.Result r = CliRuns.cli("run", config.toString(), "-q");
        assertTrue(List.of(0, 1, 3).contains(r.exit()), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    /** A block scalar starts on the line of {@code system:}; the placeholder is lines below it (literal and folded). */
    @Test
    void aPlaceholderInABlockScalarIsWarnedAtItsOwnLine() throws IOException {
        for (String style : List.of("|", ">", "|-", ">+")) {
            String yaml = withVariantA("""
                      A:
                        provider: sim
                        model: sim-a
                        system: %s
                          You are a support agent. {"json": {"braces": 1}}
                          Keep it short, and {{not a placeholder}}.

                          Greet the customer, \uD83D\uDE00 as {{ customer_name }}, by name {{customer_name}}.
                        user: "Customer name: {{customer_name}}\\nCustomer message: {{message}}"
                    """.formatted(style));
            CliRuns.Result v = CliRuns.cli("validate", dir.resolve("arena.yaml").toString());
            assertEquals(0, v.exit(), style + ": " + v.err() + "\n" + yaml);
            String expected = "warning: " + dir.resolve("arena.yaml") + ":" + lineOf(yaml, "{{ customer_name }}")
                    + ": variants.A.system: holds {{ customer_name }}" + WARNING;
            assertTrue(v.err().contains(expected), style + ": " + v.err() + "\n" + yaml);
        }
    }

    /** The same for a malformed placeholder in a block {@code user:}, which is refused there. */
    @Test
    void aBrokenPlaceholderInABlockUserIsRefusedAtItsOwnLine() throws IOException {
        String yaml = withVariantA("""
                  A:
                    provider: sim
                    model: sim-a
                    user: >
                      Customer name: {{customer_name}} and {{message}}
                      Customer message: {{message} please
                """);
        CliRuns.Result v = CliRuns.cli("validate", dir.resolve("arena.yaml").toString());
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), v.exit(), v.err() + "\n" + yaml);
        assertTrue(v.err().startsWith("error: " + dir.resolve("arena.yaml") + ":" + lineOf(yaml, "{{message} please")
                + ": variants.A.user: user template: '{{message' is not closed"), v.err() + "\n" + yaml);
    }

    /** The test arena with variant A replaced by {@code block} (a block mapping, two spaces in), written to arena.yaml. */
    private String withVariantA(String block) throws IOException {
        Path config = CliRuns.arena(dir, "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n");
        String yaml = Files.readString(config).lines()
                .map(l -> l.startsWith("  A: {") ? block.stripTrailing() : l)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        Files.writeString(config, yaml);
        return yaml;
    }

    @Test
    void aSystemFileIsWarnedAtItsOwnLine() throws IOException {
        Path config = CliRuns.arena(dir, "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n");
        Path prompt = Files.writeString(dir.resolve("system.txt"), "You are a support agent.\nGreet {{customer_name}} by name.\n");
        Files.writeString(config, Files.readString(config).replace("system: \"Be helpful.\"", "system_file: system.txt"));
        CliRuns.Result v = CliRuns.cli("validate", config.toString());
        assertEquals(0, v.exit(), v.err());
        assertTrue(v.err().contains("warning: " + prompt + ":2: variants.A.system_file: holds {{customer_name}}" + WARNING), v.err());
    }

    @Test
    void noPlaceholderNoWarning() throws IOException {
        Path config = CliRuns.arena(dir, "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n");
        CliRuns.Result v = CliRuns.cli("validate", config.toString());
        assertEquals(0, v.exit(), v.err());
        assertFalse(v.err().contains("placeholder"), v.err());
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(needle)) return i + 1;
        throw new AssertionError(needle);
    }
}
