package dev.promptarena.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The templates are checked in the loader's pass over the golden set (TemplateChecks), and a run still reports the
 * error the former separate pass after loading reported: the loader's own errors first, then the first case lacking a
 * field of A's or B's template, A before B within a case; the tag-like-field warning comes from the scanned names.
 */
class TemplateChecksTest {
    @TempDir Path dir;

    private Path arena(List<String> golden, String format) throws IOException {
        Path data = dir.resolve("golden." + format);
        Files.write(data, golden);
        Files.writeString(dir.resolve("rubric.yaml"), "name: r\naxes:\n  - name: Overall\n    description: Overall.\n    anchors: {1: bad, 3: fair, 5: great}\n");
        Path cfg = dir.resolve("arena.yaml");
        Files.writeString(cfg, """
                name: templates
                dataset: %s
                rubric: rubric.yaml
                output: reports
                providers:
                  sim: {type: sim}
                variants:
                  A: {provider: sim, model: m, user: "{{question}} {{order}}"}
                  B: {provider: sim, model: m, user: "{{question}} {{customer}}"}
                judge: {provider: sim, model: sim-judge, seed: 3}
                """.formatted(data.getFileName()));
        return cfg;
    }

    private InputException error(List<String> golden, String format) throws IOException {
        Path cfg = arena(golden, format);
        return assertThrows(InputException.class, () -> ArenaInputs.load(cfg, Map.of()));
    }

    @Test
    void firstCaseLackingAFieldIsReportedAndABeforeBWithinACase() throws IOException {
        InputException e = error(List.of(
                "{\"id\": \"c1\", \"question\": \"q\", \"order\": \"1\", \"customer\": \"x\"}",
                "{\"id\": \"c2\", \"question\": \"q\", \"order\": \"2\"}", // lacks B's customer
                "{\"id\": \"c3\", \"question\": \"q\", \"customer\": \"x\"}"), "jsonl"); // lacks A's order
        assertTrue(e.getMessage().contains("case 'c2' has no field 'customer' used by variant B"), e.getMessage());
        InputException both = error(List.of("{\"id\": \"c1\", \"question\": \"q\"}"), "jsonl"); // lacks both: A's first
        assertTrue(both.getMessage().contains("field 'order' used by variant A"), both.getMessage());
    }

    @Test
    void theLoadersOwnErrorsComeFirstEvenOnALaterLine() throws IOException {
        InputException dup = error(List.of(
                "{\"id\": \"c1\", \"question\": \"q\"}", // lacks fields, line 1
                "{\"id\": \"c2\", \"question\": \"q\", \"order\": \"2\", \"customer\": \"x\"}",
                "{\"id\": \"c2\", \"question\": \"q\", \"order\": \"2\", \"customer\": \"x\"}"), "jsonl");
        assertTrue(dup.getMessage().contains("duplicate id 'c2'"), dup.getMessage());
        InputException malformed = error(List.of("{\"id\": \"c1\", \"question\": \"q\"}", "{not json"), "jsonl");
        assertTrue(malformed.getMessage().contains("malformed JSON"), malformed.getMessage());
        InputException csv = error(List.of("id,question,order", "c1,q,1", "c2,q,2"), "csv");
        assertTrue(csv.getMessage().contains("case 'c1' has no field 'customer' used by variant B"), csv.getMessage());
    }

    @Test
    void tagLikeFieldsAreWarnedAboutFromTheScannedNames() throws IOException {
        for (String format : List.of("jsonl", "csv")) {
            List<String> golden = format.equals("jsonl")
                    ? List.of("{\"id\": \"c1\", \"question\": \"q\", \"order\": \"1\", \"customer\": \"x\", \"category\": \"k\"}",
                              "{\"id\": \"c2\", \"question\": \"q\", \"order\": \"2\", \"customer\": \"y\", \"labels\": \"z\"}")
                    : List.of("id,question,order,customer,category", "c1,q,1,x,k");
            ArenaInputs in = ArenaInputs.load(arena(golden, format), Map.of());
            List<String> expected = format.equals("jsonl") ? List.of("category", "labels") : List.of("category");
            assertEquals(expected.size(), in.datasetWarnings().size(), in.datasetWarnings().toString());
            for (int i = 0; i < expected.size(); i++) {
                assertTrue(in.datasetWarnings().get(i).contains("field '" + expected.get(i) + "' is used by no template"));
            }
            // A view of some cases reads them instead: the same warnings for the whole set.
            assertEquals(in.datasetWarnings(), dev.promptarena.dataset.TagLikeFields.warnings(in.config().dataset(),
                    new java.util.ArrayList<>(in.cases()), java.util.Set.of("question", "order", "customer")));
        }
    }
}
