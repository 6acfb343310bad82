package dev.promptarena.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.input.InputException;
import dev.promptarena.stats.CaseOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a run directory's {@code outcomes.jsonl}: one {@link CaseOutcome} per line in Jackson's default
 * record form. Problems are reported as {@link InputException} with the line and field.
 */
public final class OutcomesFile {
    /** The file name inside a run directory. */
    public static final String NAME = "outcomes.jsonl";
    // Unknown fields are tolerated so outcomes written by a newer version still load.
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private OutcomesFile() {}

    /** Reads {@code runDir/outcomes.jsonl}. */
    public static List<CaseOutcome> readRunDir(Path runDir) {
        Path file = runDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, "not found: a run directory must contain " + NAME + " (is " + runDir + " a run folder?)");
        }
        return read(file);
    }

    /** Reads one outcomes file; blank lines are skipped. */
    public static List<CaseOutcome> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
        List<CaseOutcome> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            try {
                CaseOutcome o = JSON.readValue(line, CaseOutcome.class);
                if (o == null || o.a() == null || o.b() == null) {
                    throw new InputException(file, i + 1, o == null ? null : o.a() == null ? "a" : "b", "missing value");
                }
                out.add(o);
            } catch (JsonMappingException e) {
                String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."));
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new InputException(file, i + 1, field, "not a valid outcome: " + firstLine(cause.getMessage()));
            } catch (JsonProcessingException e) {
                throw new InputException(file, i + 1, null, "not valid JSON: " + dev.promptarena.input.JsonProblem.plain(e));
            }
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) return "invalid";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
