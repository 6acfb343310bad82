package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file the config names that is not UTF-8 text (saved as Latin-1 or Windows-1252) is refused as the golden set and the
 * rubric are: the config's line and field, then the file and its first bad line, "not valid UTF-8 text (save the file as
 * UTF-8)"; exit 2, nothing created. Before, a prompt file said "cannot read FILE: Input length = 1" (the JDK's
 * MalformedInputException), naming neither the line nor the problem, and a judge template and a JSON schema file the same.
 */
class NotUtf8InputsTest {
    @TempDir Path dir;

    /** "Caf\u00e9" in Latin-1: the lone byte 0xE9 is not UTF-8. Line 3 of the file. */
    private static final byte[] LATIN1 = {'O', 'n', 'e', '\n', 'T', 'w', 'o', '\n', 'C', 'a', 'f', (byte) 0xE9, '\n'};

    @Test
    void aPromptFileTemplateAndSchemaFileNameTheirBadLine() throws IOException {
        Path config = CliRuns.arena(dir, "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n");
        String yaml = Files.readString(config);
        Path latin1 = Files.write(dir.resolve("latin1.txt"), LATIN1);

        Path system = Files.writeString(dir.resolve("system.yaml"), yaml.replace("system: \"Be helpful.\"", "system_file: latin1.txt"));
        refused(List.of("validate", system.toString()), "system.yaml:", "variants.A.system_file: " + latin1 + ":3: ");
        refused(List.of("run", system.toString(), "--quiet"), "system.yaml:", "variants.A.system_file: " + latin1 + ":3: ");

        Path template = Files.writeString(dir.resolve("template.yaml"), yaml.replace("seed: 3}", "seed: 3, template: latin1.txt}"));
        refused(List.of("run", template.toString(), "--quiet"), latin1 + ":3: ", "");

        Files.writeString(dir.resolve("rubric.yaml"), Files.readString(dir.resolve("rubric.yaml"))
                + "checks:\n  - {name: shape, type: json_schema, schema_file: latin1.txt}\n");
        refused(List.of("validate", config.toString()), "rubric.yaml:", "schema file " + latin1 + ":3: ");
    }

    /** One error line holding {@code where} and {@code what}, ending in the plain reason; exit 2; nothing created. */
    private void refused(List<String> args, String where, String what) throws IOException {
        List<Path> before = listing();
        CliRuns.Result r = CliRuns.cli(args.toArray(String[]::new));
        assertEquals(2, r.exit(), args + "\n" + r.out() + r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), r.err());
        String error = errors.get(0);
        assertTrue(error.contains(where) && error.contains(what) && error.endsWith("not valid UTF-8 text (save the file as UTF-8)"),
                args + "\n" + error);
        assertFalse(r.err().contains("Input length") || r.err().contains("Exception") || r.err().contains("java."), r.err());
        assertEquals(before, listing(), args + ": nothing created");
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }
}
