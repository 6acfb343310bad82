package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** score-windows.csv as judge_<axis>_mean of the treatment: which windows they go to, and what is refused. */
class JudgeMeansTest {
    @TempDir Path tmp;

    static final String HEADER = "window_start,window_end,axis,n,mean,lower,upper,drift,drift_lower,drift_upper,drift_p,drift_p_holm,drifted\n";

    private List<Window> windows(String body) throws Exception {
        return Window.read(Files.writeString(tmp.resolve("metrics.csv"), "window_start,window_end,variant,units,error_rate\n" + body));
    }

    private List<JudgeMeans.Mean> means(String body) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("score"));
        Files.writeString(dir.resolve(JudgeMeans.FILE), body);
        return JudgeMeans.read(dir);
    }

    @Test
    void aMeanGoesToTheTreatmentOfTheWindowWithTheSameBoundsOnly() throws Exception {
        List<Window> w = windows("""
                2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,control,990,0.001
                2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,treatment,10,0.002
                2026-05-01T01:00:00Z,2026-05-01T02:00:00Z,control,990,0.001
                """);
        List<JudgeMeans.Mean> m = means(HEADER + """
                2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,Policy citation,30,4.1,,,,,,,,
                2026-05-01T01:00:00Z,2026-05-01T02:00:00Z,Policy citation,25,3.9,,,,,,,,
                2026-05-01T01:00:00Z,2026-05-01T02:00:00Z,Clarity,3,2.0,,,,,,,,
                2026-05-01T05:00:00Z,2026-05-01T06:00:00Z,Clarity,40,1.0,,,,,,,,
                """);
        TreatmentMetrics.Merged merged = JudgeMeans.merge(w, m, "treatment", 20, tmp.resolve("score/score-windows.csv"));
        assertEquals(Map.of("error_rate", 0.002, "judge_policy_citation_mean", 4.1), merged.windows().get(0).variants().get("treatment").metrics());
        assertEquals(Map.of("error_rate", 0.001), merged.windows().get(0).variants().get("control").metrics(), "the control is untouched");
        // No treatment row in the export for that window: the judge mean makes one, without units (no SRM from it).
        Window.VariantMetrics created = merged.windows().get(1).variants().get("treatment");
        assertEquals(Map.of("judge_policy_citation_mean", 3.9), created.metrics());
        assertNull(created.units());
        assertEquals(List.of("judge_clarity_mean not used: 3 scored traces in this window, fewer than --min-scored 20"),
                merged.notes().get(Instant.parse("2026-05-01T01:00:00Z")));
        assertEquals(2, merged.windows().size(), "a scored hour outside the monitoring windows adds no window");
    }

    @Test
    void aMetricInBothFilesAndAnOverlappingScoreWindowAreInputErrors() throws Exception {
        List<Window> w = Window.read(Files.writeString(tmp.resolve("m.csv"), """
                window_start,window_end,variant,judge_clarity_mean
                2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,treatment,4.0
                """));
        Path file = tmp.resolve("score/score-windows.csv");
        InputException twice = assertThrows(InputException.class, () -> JudgeMeans.merge(w,
                means(HEADER + "2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,Clarity,30,4.1,,,,,,,,\n"), "treatment", 20, file));
        assertTrue(twice.describe().contains("score-windows.csv:2: axis: judge_clarity_mean for the window starting 2026-05-01T00:00:00Z is also"
                + " in the windows file"), twice.getMessage());
        InputException overlap = assertThrows(InputException.class, () -> JudgeMeans.merge(w,
                means(HEADER + "2026-04-30T12:00:00Z,2026-05-01T12:00:00Z,Clarity,300,4.1,,,,,,,,\n"), "treatment", 20, file));
        assertTrue(overlap.getMessage().contains("does not coincide with the monitoring window"), overlap.getMessage());
    }

    @Test
    void aScoreFolderWithoutWindowEndsSaysHowToRewriteIt() throws Exception {
        InputException e = assertThrows(InputException.class, () -> means("""
                window_start,axis,n,mean
                2026-05-01T00:00:00Z,Clarity,30,4.1
                """));
        assertTrue(e.describe().contains("score-windows.csv:2: window_end: missing: written by an older prompt-arena") && e.getMessage().contains("--resume"),
                e.getMessage());
    }
}
