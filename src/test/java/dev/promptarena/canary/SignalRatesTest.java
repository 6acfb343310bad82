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

/** signals-windows.csv as the treatment's <signal>_rate: which windows the rates go to, and what is refused. */
class SignalRatesTest {
    @TempDir Path tmp;

    static final String HEADER = "window_start,window_end,variant,signal,turns,with_signal,rate,lower,upper,sessions,design_effect,effective_turns\n";

    private List<Window> windows(String body) throws Exception {
        return Window.read(Files.writeString(tmp.resolve("metrics.csv"), "window_start,window_end,variant,units,error_rate\n" + body));
    }

    private Path signals(String body) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("signals"));
        Files.writeString(dir.resolve(SignalRates.FILE), body);
        return dir;
    }

    @Test
    void theTreatmentsRateGoesToTheWindowWithTheSameBoundsAndASmallWindowIsLeftOutWithANote() throws Exception {
        List<Window> w = windows("""
                2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,control,49500,0.001
                2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,treatment,500,0.002
                2026-05-01T01:00:00Z,2026-05-01T02:00:00Z,control,49500,0.001
                2026-05-01T01:00:00Z,2026-05-01T02:00:00Z,treatment,500,0.001
                """);
        Path dir = signals(HEADER + """
                2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,control,task_completed,600,360,0.6,0.55,0.65,600,1,600
                2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,treatment,task_completed,520,312,0.6,0.55,0.65,520,1,520
                2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,treatment,rephrased_query,520,52,0.1,0.08,0.12,520,1,520
                2026-05-01T01:00:00Z,2026-05-01T02:00:00Z,treatment,task_completed,40,10,0.25,0.1,0.4,40,1,40
                2026-05-01T07:00:00Z,2026-05-01T08:00:00Z,treatment,task_completed,900,90,0.1,0.08,0.12,900,1,900
                """);
        SignalRates.Rows rows = SignalRates.read(dir, "control", "treatment");
        List<TreatmentMetrics.Value> rates = rows.treatment();
        assertEquals(4, rates.size(), "the control's row is checked and skipped: " + rates);
        assertEquals(new TreatmentMetrics.Value(Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-05-01T01:00:00Z"), "task_completed_rate", 520,
                0.6, 3, new SessionClustering(1, 520, 520)), rates.get(0));
        TreatmentMetrics.Merged merged = SignalRates.merge(w, rows, "treatment", 500);
        assertEquals(Map.of("error_rate", 0.002, "task_completed_rate", 0.6, "rephrased_query_rate", 0.1),
                merged.windows().get(0).variants().get("treatment").metrics());
        assertEquals(Map.of("error_rate", 0.001), merged.windows().get(0).variants().get("control").metrics(), "the control is untouched");
        assertEquals(Map.of("error_rate", 0.001), merged.windows().get(1).variants().get("treatment").metrics(), "40 turns: left out");
        assertEquals(List.of("task_completed_rate not used: 40 turns of the treatment in this window, fewer than --min-turns 500"),
                merged.notes().get(Instant.parse("2026-05-01T01:00:00Z")));
        assertNull(merged.notes().get(Instant.parse("2026-05-01T00:00:00Z")));
        assertEquals(2, merged.windows().size(), "an hour outside the monitoring windows adds no window");
    }

    @Test
    void anotherWindowLengthAMetricInBothFilesAndForeignVariantLabelsAreInputErrors() throws Exception {
        List<Window> w = Window.read(Files.writeString(tmp.resolve("m.csv"), """
                window_start,window_end,variant,task_completed_rate
                2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,treatment,0.6
                2026-05-01T01:00:00Z,2026-05-01T02:00:00Z,treatment,
                """));
        InputException daily = assertThrows(InputException.class, () -> SignalRates.merge(w, SignalRates.read(signals(HEADER
                + "2026-05-01T00:00:00Z,2026-05-02T00:00:00Z,treatment,task_completed,9000,5400,0.6,0.55,0.65,9000,1,9000\n"), "control", "treatment"), "treatment", 500));
        assertEquals("signals-windows.csv:2: window_end: the signals window 2026-05-01T00:00:00Z to 2026-05-02T00:00:00Z does not coincide with the"
                + " monitoring window 2026-05-01T00:00:00Z to 2026-05-01T01:00:00Z; run `prompt-arena signals` with --window-hours equal to the"
                + " monitoring windows' length", daily.describe().replace(tmp.resolve("signals") + "/", ""));
        InputException twice = assertThrows(InputException.class, () -> SignalRates.merge(w, SignalRates.read(signals(HEADER
                + "2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,treatment,task_completed,600,360,0.6,0.55,0.65,600,1,600\n"), "control", "treatment"), "treatment", 500));
        assertTrue(twice.describe().contains("signals-windows.csv:2: signal: task_completed_rate for the window starting 2026-05-01T00:00:00Z is also in"
                + " the windows file"), twice.describe());

        InputException labels = assertThrows(InputException.class, () -> SignalRates.read(signals(HEADER
                + "2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,A,task_completed,600,360,0.6,0.55,0.65,600,1,600\n"), "control", "treatment"));
        assertTrue(labels.describe().contains("signals-windows.csv:2: variant: 'A' is neither the plan's control 'control' nor its treatment 'treatment'"),
                labels.describe());
        InputException onlyControl = assertThrows(InputException.class, () -> SignalRates.read(signals(HEADER
                + "2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,control,task_completed,600,360,0.6,0.55,0.65,600,1,600\n"), "control", "treatment"));
        assertTrue(onlyControl.describe().contains("signals-windows.csv:1: variant: no rows of the plan's treatment 'treatment'"), onlyControl.describe());
    }

    /** The first row of another length is named, whatever its variant or signal, and the bound that differs. */
    @Test
    void anotherWindowLengthIsNamedAtTheFirstRowOfThatLengthNotAtTheFirstRateUsed() throws Exception {
        List<Window> w = Window.read(Files.writeString(tmp.resolve("m.csv"), """
                window_start,window_end,variant,task_completed_rate
                2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,treatment,0.6
                2026-05-01T01:00:00Z,2026-05-01T02:00:00Z,treatment,
                """));
        // Line 2 is an hour before the monitoring windows (fine), line 3 a control row of two hours over both (wrong), line 4
        // the guarded treatment rate of the same length (wrong, and the first rate used).
        SignalRates.Rows twoHours = SignalRates.read(signals(HEADER + """
                2026-04-30T23:00:00Z,2026-05-01T00:00:00Z,treatment,task_completed,600,360,0.6,0.55,0.65,600,1,600
                2026-05-01T00:00:00Z,2026-05-01T02:00:00Z,control,task_completed,1200,720,0.6,0.55,0.65,1200,1,1200
                2026-05-01T00:00:00Z,2026-05-01T02:00:00Z,treatment,task_completed,1200,720,0.6,0.55,0.65,1200,1,1200
                """), "control", "treatment").only(List.of("task_completed_rate"));
        InputException e = assertThrows(InputException.class, () -> SignalRates.merge(w, twoHours, "treatment", 500));
        assertTrue(e.describe().endsWith("signals-windows.csv:3: window_end: the signals window 2026-05-01T00:00:00Z to 2026-05-01T02:00:00Z does not"
                + " coincide with the monitoring window 2026-05-01T00:00:00Z to 2026-05-01T01:00:00Z; run `prompt-arena signals` with --window-hours"
                + " equal to the monitoring windows' length"), e.describe());
        assertTrue(e.describe().startsWith(tmp.resolve("signals").resolve(SignalRates.FILE).toString()), "the file: " + e.describe());

        // A window that starts inside a monitoring window: its start is the bound that differs; an unguarded signal's row counts too.
        SignalRates.Rows shifted = SignalRates.read(signals(HEADER + """
                2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,treatment,task_completed,600,360,0.6,0.55,0.65,600,1,600
                2026-05-01T01:30:00Z,2026-05-01T02:30:00Z,treatment,rephrased_query,600,60,0.1,0.08,0.12,600,1,600
                """), "control", "treatment").only(List.of("task_completed_rate"));
        InputException s = assertThrows(InputException.class, () -> SignalRates.merge(w, shifted, "treatment", 500));
        assertTrue(s.describe().contains("signals-windows.csv:3: window_start: the signals window 2026-05-01T01:30:00Z to 2026-05-01T02:30:00Z"),
                s.describe());
    }

    @Test
    void minTurnsCountsEffectiveTurnsAndTheDesignEffectGoesWithTheRateIntoTheWindow() throws Exception {
        List<Window> w = windows("""
                2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,treatment,700,0.002
                2026-05-01T01:00:00Z,2026-05-01T02:00:00Z,treatment,700,0.001
                """);
        Path dir = signals(HEADER + """
                2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,treatment,task_completed,700,420,0.6,0.55,0.65,350,1.25,560
                2026-05-01T01:00:00Z,2026-05-01T02:00:00Z,treatment,task_completed,700,420,0.6,0.55,0.65,140,1.75,400
                """);
        TreatmentMetrics.Merged merged = SignalRates.merge(w, SignalRates.read(dir, "control", "treatment"), "treatment", 500);
        Window.VariantMetrics first = merged.windows().get(0).variants().get("treatment");
        assertEquals(0.6, first.metrics().get("task_completed_rate"), "560 effective turns: used");
        assertEquals(new SessionClustering(1.25, 350, 700), first.clustering("task_completed_rate"), "the guardrail's test sees the design effect and its sessions");
        assertEquals(1.0, first.designEffect("error_rate"), 0, "the export's own metric: taken as it is");
        assertEquals(Map.of("error_rate", 0.001), merged.windows().get(1).variants().get("treatment").metrics(), "700 turns but 400 effective: left out");
        assertEquals(List.of("task_completed_rate not used: 400 effective turns of the treatment in this window (700 / design effect 1.75, clustered by"
                + " session), fewer than --min-turns 500"), merged.notes().get(Instant.parse("2026-05-01T01:00:00Z")));
    }

    @Test
    void aSignalsFileWithoutTheDesignEffectIsRefusedNotReadAsIndependentTurns() throws Exception {
        InputException e = assertThrows(InputException.class, () -> SignalRates.read(signals("""
                window_start,window_end,variant,signal,turns,with_signal,rate,lower,upper
                2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,treatment,task_completed,600,360,0.6,0.55,0.65
                """), "control", "treatment"));
        assertEquals("signals-windows.csv:2: design_effect: missing: written by an older prompt-arena, without the design effect of turns clustered"
                + " by session that --min-turns and the guardrail use; run `prompt-arena signals` on the event log again",
                e.describe().replace(tmp.resolve("signals") + "/", ""));
        InputException below = assertThrows(InputException.class, () -> SignalRates.read(signals(HEADER
                + "2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,treatment,task_completed,600,360,0.6,0.55,0.65,300,0.8,750\n"), "control", "treatment"));
        assertTrue(below.describe().contains("signals-windows.csv:2: design_effect: must be >= 1"), below.describe());
        InputException sessions = assertThrows(InputException.class, () -> SignalRates.read(signals(HEADER
                + "2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,treatment,task_completed,600,360,0.6,0.55,0.65,0,1,600\n"), "control", "treatment"));
        assertTrue(sessions.describe().contains("signals-windows.csv:2: sessions: must be from 1 to the window's 600 turns"), sessions.describe());
    }

    @Test
    void aSignalsFolderWithoutWindowEndsSaysToRunSignalsAgain() throws Exception {
        InputException e = assertThrows(InputException.class, () -> SignalRates.read(signals("""
                window_start,variant,signal,turns,with_signal,rate,lower,upper
                2026-05-01T00:00:00Z,treatment,task_completed,600,360,0.6,0.55,0.65
                """), "control", "treatment"));
        assertTrue(e.describe().contains("signals-windows.csv:2: window_end: missing: written by an older prompt-arena; run `prompt-arena signals`"),
                e.describe());
        InputException none = assertThrows(InputException.class, () -> SignalRates.read(tmp.resolve("nowhere"), "control", "treatment"));
        assertTrue(none.describe().contains("not a signals folder (no signals-windows.csv)"), none.describe());
    }
}
