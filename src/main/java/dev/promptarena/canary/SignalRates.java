package dev.promptarena.canary;

import dev.promptarena.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The treatment's per-window signal rates ({@code signals-windows.csv} of a {@code prompt-arena signals} folder) as the
 * {@code <signal>_rate} metrics of the treatment ({@code task_completed} becomes {@code task_completed_rate}), so a
 * guardrail on a signal needs no export of the user's own: the event log is enough.
 *
 * <p>The file's variant labels are the event log's, which must be the router's, that is the plan's: a label that is
 * neither the plan's control nor its treatment is refused rather than guessed (a log of "A"/"B" against a plan of
 * "control"/"treatment" would otherwise feed nothing and hold the stage for a reason far from the cause).
 */
public final class SignalRates {
    public static final String FILE = "signals-windows.csv";

    private SignalRates() {}

    /** The guardrail metric of a signal: task_completed -> task_completed_rate. */
    public static String metric(String signal) {
        return signal + "_rate";
    }

    /** The file inside a signals folder (or the file itself). */
    public static Path file(Path signalsDirOrFile) {
        return Files.isDirectory(signalsDirOrFile) ? signalsDirOrFile.resolve(FILE) : signalsDirOrFile;
    }

    /**
     * What {@link #read} found: the treatment's rates, and the bounds of every row (the control's and every signal's too), so
     * a file computed with another window length is refused at its first such row, not at the first rate that is used.
     */
    public record Rows(Path file, List<TreatmentMetrics.Value> treatment, List<TreatmentMetrics.Span> spans) {
        public Rows {
            treatment = List.copyOf(treatment);
            spans = List.copyOf(spans);
        }

        /** The same rows with only the rates of these metrics (the guarded ones); every row's bounds are kept. */
        public Rows only(Collection<String> metrics) {
            return new Rows(file, treatment.stream().filter(v -> metrics.contains(v.metric())).toList(), spans);
        }
    }

    /** The treatment's rates of a signals folder (or its signals-windows.csv itself); the control's rows are checked and skipped. */
    public static Rows read(Path signalsDirOrFile, String control, String treatment) {
        Path file = file(signalsDirOrFile);
        if (!Files.exists(file)) {
            throw new InputException(signalsDirOrFile, "not a signals folder (no " + FILE + "); give the folder `prompt-arena signals --out DIR` wrote");
        }
        List<TreatmentMetrics.Value> out = new ArrayList<>();
        List<TreatmentMetrics.Span> spans = new ArrayList<>();
        List<InputRows.Row> rows = InputRows.read(file);
        for (InputRows.Row row : rows) {
            if (!row.fields().containsKey("window_end")) {
                throw row.error("window_end", "missing: written by an older prompt-arena; run `prompt-arena signals` on the event log again");
            }
            Instant start = row.time("window_start"), end = row.time("window_end");
            if (!end.isAfter(start)) throw row.error("window_end", "must be after window_start " + start);
            spans.add(new TreatmentMetrics.Span(start, end, row.line()));
            String variant = row.text("variant");
            if (!variant.equals(control) && !variant.equals(treatment)) {
                throw row.error("variant", "'" + variant + "' is neither the plan's control '" + control + "' nor its treatment '" + treatment
                        + "'; the event log must name the variants as the router and the plan do");
            }
            String signal = row.text("signal");
            if (!SignalEvents.SIGNALS.contains(signal)) {
                throw row.error("signal", "unknown signal '" + signal + "'; expected one of " + String.join(", ", SignalEvents.SIGNALS));
            }
            SessionClustering clustering = clustering(row);
            if (!variant.equals(treatment)) continue;
            long turns = row.count("turns");
            // turns >= sessions >= 1 (clustering): every row has a rate.
            out.add(new TreatmentMetrics.Value(start, end, metric(signal), (int) Math.min(Integer.MAX_VALUE, turns), row.number("rate"), row.line(), clustering));
        }
        if (!rows.isEmpty() && out.isEmpty()) {
            throw new InputException(file, 1, "variant", "no rows of the plan's treatment '" + treatment + "'; the event log must name the variants"
                    + " as the router and the plan do");
        }
        return new Rows(file, out, spans);
    }

    /**
     * The row's design effect and the sessions it was estimated from. A file without the design effect predates it and is
     * refused, not read as independent turns: that reading is what paused a treatment exactly at its stage limit in
     * 1.1-3.0% of stages instead of at most 1% of windows (docs/statistics.md 13), and the event log it came from can be
     * read again.
     */
    private static SessionClustering clustering(InputRows.Row row) {
        if (!row.fields().containsKey("design_effect")) {
            throw row.error("design_effect", "missing: written by an older prompt-arena, without the design effect of turns clustered by"
                    + " session that --min-turns and the guardrail use; run `prompt-arena signals` on the event log again");
        }
        double effect = row.number("design_effect");
        if (!(effect >= 1)) throw row.error("design_effect", "must be >= 1 (the clustered variance over the independent one, floored at 1), got " + effect);
        long sessions = row.count("sessions"), turns = row.count("turns");
        if (sessions < 1 || sessions > turns) {
            throw row.error("sessions", "must be from 1 to the window's " + turns + " turns (the sessions those turns belong to), got " + sessions);
        }
        return new SessionClustering(effect, (int) Math.min(Integer.MAX_VALUE, sessions), (int) Math.min(Integer.MAX_VALUE, turns));
    }

    /**
     * Adds the rates to the treatment's rows of the monitoring windows with the same bounds ({@link TreatmentMetrics#merge}):
     * a rate of fewer than {@code minTurns} effective turns of the treatment (turns / design effect) is left out with a note.
     * A file whose windows are of another length than the monitoring windows is refused at its first such row.
     */
    public static TreatmentMetrics.Merged merge(List<Window> windows, Rows rows, String treatment, int minTurns) {
        TreatmentMetrics.Source source = new TreatmentMetrics.Source(rows.file(), "signals window", "signal", "turn of the treatment",
                "turns of the treatment", "--min-turns", minTurns, "run `prompt-arena signals` with --window-hours equal to the monitoring windows' length");
        TreatmentMetrics.requireAligned(windows, rows.spans(), source);
        return TreatmentMetrics.merge(windows, rows.treatment(), treatment, source);
    }
}
