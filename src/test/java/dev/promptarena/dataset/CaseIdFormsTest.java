package dev.promptarena.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.calibration.HumanLabel;
import dev.promptarena.calibration.LabelsReader;
import dev.promptarena.input.InputException;
import dev.promptarena.recorded.RecordedResponsesLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids written as numbers or other scalars, with blanks around them or in another Unicode form: one rule in every
 * format (CaseIds), so what the user wrote is what every report shows and what labels and responses match.
 */
class CaseIdFormsTest {
    @TempDir Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private List<String> jsonlIds(String... idsAsWritten) throws IOException {
        StringBuilder s = new StringBuilder();
        for (String id : idsAsWritten) s.append("{\"id\": ").append(id).append(", \"q\": \"x\"}\n");
        return new DatasetLoader().load(file("g.jsonl", s.toString())).ids();
    }

    @Test
    void aJsonNumberIdKeepsTheDigitsAsWritten() throws IOException {
        // Jackson's values would read "1000.0", "1.0", "1.1", "0" and "1000.0": each a different id than the user's.
        assertEquals(List.of("1e3", "1.0", "1.10", "-0", "1E+3", "12345678901234567890123", "7", "true", "false"),
                jsonlIds("1e3", "1.0", "1.10", "-0", "1E+3", "12345678901234567890123", "7", "true", "false"));
    }

    @Test
    void aNumberIdKeepsItsDigitsWhenTheCaseIsReadBackAndBesideANestedIdField() throws IOException {
        Path p = file("g.jsonl", "\uFEFF{\"meta\": {\"id\": 5}, \"id\": 1.50, \"q\": \"x\"}\n{\"id\": 2e0, \"q\": \"y\"}\n");
        GoldenSet set = new DatasetLoader().load(p);
        assertEquals(List.of("1.50", "2e0"), set.ids());
        // Read back by line, as the run reads it: the same id, not "a changed golden set".
        assertEquals("1.50", set.get(0).id());
        assertEquals("2e0", set.get(1).id());
    }

    @Test
    void whatJsonCannotHoldAsANumberIsRefusedAtItsLine() throws IOException {
        // 007 (octal in YAML 1.1, leading zeros in JSON), 0x1A, 1_000 and ~ are not JSON: a malformed line, not a guess.
        for (String id : List.of("007", "0x1A", "1_000", "~")) {
            InputException e = assertThrows(InputException.class, () -> jsonlIds("\"a\"", id), id);
            assertEquals(2, e.line(), id);
            assertTrue(e.getMessage().startsWith("malformed JSON"), id + ": " + e.getMessage());
        }
        for (String id : List.of("null", "\"\"", "\"   \"")) {
            InputException e = assertThrows(InputException.class, () -> jsonlIds(id), id);
            assertEquals("id", e.field());
            assertEquals(1, e.line());
        }
        InputException e = assertThrows(InputException.class, () -> jsonlIds("\"a\"", "{\"n\": 1}"));
        assertEquals(2, e.line());
        assertEquals("id", e.field());
        assertTrue(e.getMessage().contains("an id is a string"), e.getMessage());
        assertEquals(2, assertThrows(InputException.class, () -> jsonlIds("\"a\"", "[1]")).line());
    }

    @Test
    void aYamlGoldenSetIsRefusedForWhatItIsNotAsMalformedJson() throws IOException {
        Path p = file("g.yaml", "- id: 007\n  q: x\n");
        InputException e = assertThrows(InputException.class, () -> new DatasetLoader().load(p));
        assertEquals(p, e.file());
        assertTrue(e.getMessage().startsWith("a golden set is JSONL"), e.getMessage());
    }

    @Test
    void aCsvIdIsItsCellsTextLeadingZerosAndExponentsIncluded() throws IOException {
        Path p = file("g.csv", "id,q\n007,x\n0x1A,x\n1e3,x\n1_000,x\ntrue,x\n~,x\n1.0,x\n");
        assertEquals(List.of("007", "0x1A", "1e3", "1_000", "true", "~", "1.0"), new DatasetLoader().load(p).ids());
    }

    @Test
    void blanksAroundAnIdAreNotPartOfItInJsonlAsInCsv() throws IOException {
        assertEquals(List.of("a"), jsonlIds("\" a \""));
        InputException e = assertThrows(InputException.class, () -> jsonlIds("\"a\"", "\"a \""));
        assertEquals(2, e.line());
        assertEquals("id", e.field());
        assertTrue(e.getMessage().startsWith("duplicate id 'a'"), e.getMessage());
    }

    @Test
    void idsThatDifferOnlyInUnicodeNormalizationAreOneId() throws IOException {
        String composed = "caf\u00e9";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        InputException e = assertThrows(InputException.class, () -> jsonlIds("\"" + composed + "\"", "\"" + decomposed + "\""));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("duplicate id"), e.getMessage());
        Path csv = file("g.csv", "id,q\n" + decomposed + ",x\n" + composed + ",y\n");
        assertEquals(3, assertThrows(InputException.class, () -> new DatasetLoader().load(csv)).line());
        assertEquals(List.of(composed), jsonlIds("\"" + decomposed + "\""));
    }

    @Test
    void labelsAndRecordedResponsesMatchTheGoldenIdsByTheSameRule() throws IOException {
        String decomposed = Normalizer.normalize("caf\u00e9", Normalizer.Form.NFD);
        Path golden = file("g.jsonl", "{\"id\": 1e3, \"q\": \"x\"}\n{\"id\": \"007\", \"q\": \"y\"}\n{\"id\": \"caf\u00e9\", \"q\": \"z\"}\n");
        List<GoldenCase> cases = new DatasetLoader().load(golden);

        List<HumanLabel> labels = LabelsReader.read(file("l.csv", "case_id,label\n 1e3 ,A\n007,B\n" + decomposed + ",tie\n"));
        assertEquals(List.of("1e3", "007", "caf\u00e9"), labels.stream().map(HumanLabel::caseId).toList());

        Path responses = file("r.jsonl", "{\"id\": 1e3, \"output_a\": \"a1\", \"output_b\": \"b1\"}\n"
                + "{\"id\": \" 007\", \"output_a\": \"a2\", \"output_b\": \"b2\"}\n"
                + "{\"id\": \"" + decomposed + "\", \"output_a\": \"a3\", \"output_b\": \"b3\"}\n");
        var recorded = RecordedResponsesLoader.combined(responses, cases, golden);
        assertNotNull(recorded.a().side("1e3"));
        assertEquals("b2", recorded.b().side("007").output());
        assertEquals("a3", recorded.a().side("caf\u00e9").output());
    }
}
