package dev.promptarena.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.input.InputException;
import dev.promptarena.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tags as lists (JSONL) and as a {@code ;}-separated CSV column become label segments; tag-like fields are warned about. */
class TagsTest {
    @TempDir Path dir;

    @Test
    void jsonlListAndObjectTags() throws IOException {
        Path f = write("g.jsonl", """
                {"id": "1", "q": "x", "tags": ["account", "hard"]}
                {"id": "2", "q": "y", "tags": {"category": "billing"}}
                {"id": "3", "q": "z", "tags": []}
                """);
        List<GoldenCase> cases = new DatasetLoader().load(f);
        assertEquals(Map.of("account", "true", "hard", "true"), cases.get(0).tags());
        assertEquals(Map.of("category", "billing"), cases.get(1).tags());
        assertEquals(Map.of(), cases.get(2).tags());
        Path bad = write("bad.jsonl", "{\"id\": \"1\", \"tags\": \"account\"}\n");
        InputException e = assertThrows(InputException.class, () -> new DatasetLoader().load(bad));
        assertEquals(1, e.line());
        assertEquals("tags", e.field());
        assertTrue(e.getMessage().contains("or a list of labels"), e.getMessage());
        Path nested = write("nested.jsonl", "{\"id\": \"1\", \"tags\": [{\"a\": 1}]}\n");
        assertThrows(InputException.class, () -> new DatasetLoader().load(nested));
    }

    /**
     * {"category": null} made a segment named "null" and "" one named nothing, while an empty tags.category cell in a CSV
     * golden set is no tag: both are no tag now, as blanks are in either format. An object or list as a value (it has no
     * text; it was an empty-named segment) is refused at its line, and so is null inside a list of labels.
     */
    @Test
    void nullOrEmptyTagValuesAreNoTagAndNonScalarValuesAreRefused() throws IOException {
        Path f = write("g.jsonl", """
                {"id": "1", "q": "x", "tags": {"category": null, "lang": "en"}}
                {"id": "2", "q": "y", "tags": {"category": "", "lang": " "}}
                {"id": "3", "q": "z", "tags": {"category": "billing", "tier": 2, "vip": true}}
                """);
        List<GoldenCase> cases = new DatasetLoader().load(f);
        assertEquals(Map.of("lang", "en"), cases.get(0).tags());
        assertEquals(Map.of(), cases.get(1).tags());
        assertEquals(Map.of("category", "billing", "tier", "2", "vip", "true"), cases.get(2).tags());
        Path csv = write("g.csv", "id,q,tags.category,tags.lang\n1,x,,en\n2,y, ,\n");
        List<GoldenCase> fromCsv = new DatasetLoader().load(csv);
        assertEquals(Map.of("lang", "en"), fromCsv.get(0).tags(), "the same case in CSV has the same tags");
        assertEquals(Map.of(), fromCsv.get(1).tags());
        for (String value : List.of("{\"a\": 1}", "[\"x\"]", "{}", "[]")) {
            Path bad = write("bad.jsonl", "{\"id\": \"1\", \"q\": \"x\"}\n{\"id\": \"2\", \"tags\": {\"category\": " + value + "}}\n");
            InputException e = assertThrows(InputException.class, () -> new DatasetLoader().load(bad), value);
            assertEquals(bad, e.file());
            assertEquals(2, e.line());
            assertEquals("tags.category", e.field());
            assertEquals("a tag value is a string, number or boolean, got " + value.replace(" ", ""), e.getMessage());
        }
        Path nullLabel = write("null-label.jsonl", "{\"id\": \"1\", \"tags\": [\"vip\", null]}\n");
        InputException e = assertThrows(InputException.class, () -> new DatasetLoader().load(nullLabel));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().startsWith("a list of tags holds non-empty labels"), e.getMessage());
    }

    @Test
    void csvTagsColumnSplitsOnSemicolons() throws IOException {
        Path f = write("g.csv", "id,q,tags,tags.lang\n1,x,account;hard,en\n2,y,,de\n3,z, billing ; ,en\n");
        List<GoldenCase> cases = new DatasetLoader().load(f);
        assertEquals(Map.of("account", "true", "hard", "true", "lang", "en"), cases.get(0).tags());
        assertEquals(Map.of("lang", "de"), cases.get(1).tags());
        assertEquals(Map.of("billing", "true", "lang", "en"), cases.get(2).tags());
        assertFalse(cases.get(0).fields().containsKey("tags"));
    }

    /** A tag key names a segment in every report: an empty one is refused at its line. */
    @Test
    void anEmptyTagKeyIsRefused() throws IOException {
        Path jsonl = write("g.jsonl", "{\"id\": \"1\", \"q\": \"x\", \"tags\": {\"lang\": \"en\"}}\n{\"id\": \"2\", \"q\": \"y\", \"tags\": {\" \": \"hard\"}}\n");
        InputException e = assertThrows(InputException.class, () -> new DatasetLoader().load(jsonl));
        assertEquals(jsonl, e.file());
        assertEquals(2, e.line());
        assertEquals("tags", e.field());
        assertTrue(e.getMessage().startsWith("a tag key must not be empty"), e.getMessage());
        Path csv = write("g.csv", "id,q,tags.\n1,x,hard\n");
        e = assertThrows(InputException.class, () -> new DatasetLoader().load(csv));
        assertEquals(1, e.line());
        assertEquals("tags.", e.field());
        assertEquals("a tags. column names its tag key after the dot, e.g. tags.category", e.getMessage());
    }

    @Test
    void tagLikeFieldsThatNoTemplateUsesAreWarnedAbout() throws IOException {
        Path f = write("g.csv", "id,message,labels,category,topic\n1,hi,a;b,x,t\n");
        List<GoldenCase> cases = new DatasetLoader().load(f);
        List<String> w = TagLikeFields.warnings(f, cases, Set.of("message", "topic"));
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.get(0).contains("field 'category' is used by no template and looks like tags"), w.get(0));
        assertTrue(w.get(1).contains("'labels'"), w.get(1));
        assertEquals(List.of(), TagLikeFields.warnings(f, cases, Set.of("labels", "category", "topic")));
    }

    @Test
    void labelTagsAreSegmentsInARunAndValidateWarns() throws IOException {
        write("g.jsonl", """
                {"id": "1", "customer_name": "Dana", "message": "My parcel is late", "tags": ["shipping", "hard"], "labels": "x"}
                {"id": "2", "customer_name": "Dana", "message": "I was charged twice", "tags": ["billing"], "labels": "y"}
                {"id": "3", "customer_name": "Dana", "message": "Cancel my order", "tags": ["hard"], "labels": "z"}
                """);
        write("r.yaml", "axes:\n  - {name: Clarity, description: \"clear?\", anchors: {1: a, 3: b, 5: c}}\n");
        Path cfg = write("arena.yaml", """
                name: tags
                dataset: g.jsonl
                rubric: r.yaml
                output: reports
                providers: {sim: {type: sim}}
                variants:
                  A: {provider: sim, model: m, system: Be helpful., user: "{{customer_name}}: {{message}}"}
                  B: {provider: sim, model: m, system: Be helpful and cite policy., user: "{{customer_name}}: {{message}}"}
                judge: {provider: sim, model: j}
                """);
        CliRun v = CliRun.of("validate", cfg.toString());
        assertEquals(0, v.exitCode(), v.err());
        assertTrue(v.err().contains("warning: " + dir.resolve("g.jsonl") + ": field 'labels' is used by no template and looks like tags"), v.err());
        CliRun r = CliRun.of("run", cfg.toString(), "-q");
        assertTrue(r.err().contains("field 'labels'"), r.err());
        Path run;
        try (var s = Files.list(dir.resolve("reports"))) {
            run = s.findFirst().orElseThrow();
        }
        String segments = Files.readString(run.resolve("segments.csv"));
        assertTrue(segments.contains("hard,true"), segments);
        assertTrue(segments.contains("shipping,true"), segments);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
