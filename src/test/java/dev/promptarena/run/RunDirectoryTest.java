package dev.promptarena.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptarena.engine.EngineSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same run gives the same bytes. {@code Map.copyOf} and {@code Set.copyOf} iterate in an order that is
 * salted per JVM, so without sorting, engine.json (and report.json) listed failure reasons and unpriced
 * models in a different order from one process to the next (seen as a diff between two runs of the example).
 */
class RunDirectoryTest {
    @TempDir Path tmp;

    @Test
    void mapsAndSetsAreWrittenInSortedOrderWhateverTheirIterationOrder() throws Exception {
        List<String> names = List.of("m7", "m2", "m5", "m0", "m3", "m6", "m1", "m4");
        Map<String, Long> reasons = new LinkedHashMap<>();
        names.forEach(n -> reasons.put("reason-" + n, 1L));
        EngineSnapshot s = new EngineSnapshot(1, 1, 1, 0, 0, 0, 1, 0, reasons, Map.of(), 0, 0, false, Set.copyOf(names), 0);
        RunDirectory dir = RunDirectory.create(tmp, "t", ZonedDateTime.parse("2026-11-23T10:00:00Z"), id -> Map.of("runId", id));
        dir.writeJson("engine.json", s);
        dir.writeJsonLines("engine.jsonl", List.of(s));

        for (String file : List.of("engine.json", "engine.jsonl")) {
            String text = Files.readString(dir.file(file));
            assertEquals(sorted(names), inOrderOfAppearance(text, names), file + ": unpriced models");
            assertEquals(sorted(names), inOrderOfAppearance(text, names.stream().map(n -> "reason-" + n).toList())
                    .stream().map(r -> r.substring("reason-".length())).toList(), file + ": failure reasons");
        }
    }

    /** A lone surrogate (a model can reply one; a golden set can escape one) made the writer throw and lost every report. */
    @Test
    void aLoneSurrogateInUntrustedTextIsWrittenAsAReplacementNotAFailure() throws Exception {
        RunDirectory dir = RunDirectory.create(tmp, "t", ZonedDateTime.parse("2026-11-23T10:00:00Z"), id -> Map.of("runId", id));
        dir.writeJsonLines("cases.jsonl", List.of(Map.of("output", "before \ud800 after")));
        dir.writeText("summary.md", "reason: \udc00!");

        assertEquals("{\"output\":\"before ? after\"}\n", Files.readString(dir.file("cases.jsonl")));
        assertEquals("reason: ?!", Files.readString(dir.file("summary.md")));
    }

    private static List<String> sorted(List<String> names) { return names.stream().sorted().toList(); }

    /** The given strings in the order they first appear (quoted) in the text. */
    private static List<String> inOrderOfAppearance(String text, List<String> strings) {
        List<String> found = new ArrayList<>(strings);
        found.sort((a, b) -> Integer.compare(text.indexOf('"' + a + '"'), text.indexOf('"' + b + '"')));
        return found;
    }
}
