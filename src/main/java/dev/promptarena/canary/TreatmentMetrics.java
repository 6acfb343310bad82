package dev.promptarena.canary;

import dev.promptarena.input.InputException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Treatment metrics computed by another prompt-arena command per time window (the online judge's axis means of
 * {@code score}, the signal rates of {@code signals}) added to the monitoring windows of the user's export.
 *
 * <p>A computed window is used only for the monitoring window with the same start and end. A longer window spread over
 * several monitoring windows would put one noisy value into consecutive windows, so a single bad sample would make a
 * "sustained" breach and defeat the persistence rule; windows that overlap without coinciding are refused. A value
 * computed from fewer than the source's minimum of units is left out (the guardrail's streak is unchanged, as for an
 * empty cell), with a note.
 */
public final class TreatmentMetrics {
    /**
     * One metric of one computed window: from {@code n} units (scored traces, turns), with the line it came from.
     * {@code clustering} says how much less the units are worth than independent ones (turns of one session are
     * correlated) and from how many sessions that was estimated; null for units that are independent (scored traces). The
     * minimum is checked against {@link #effectiveN}, and the clustering goes with the value into the window so the
     * guardrail's test accounts for it.
     */
    public record Value(Instant start, Instant end, String metric, int n, Double value, int line, SessionClustering clustering) {
        /** Independent units. */
        public Value(Instant start, Instant end, String metric, int n, Double value, int line) {
            this(start, end, metric, n, value, line, null);
        }

        /** The design effect of the units: 1 when they are independent. */
        public double designEffect() {
            return clustering == null ? 1 : clustering.designEffect();
        }

        /** The number of independent units that would measure the value as precisely: n / design effect. */
        public double effectiveN() {
            return n / designEffect();
        }
    }

    /**
     * Where the values come from, for the messages.
     *
     * @param file         the file the values were read from
     * @param window       what its windows are called ("score window")
     * @param metricField  the column that names the metric (axis, signal)
     * @param unit         what {@code n} counts, singular ("scored trace", "turn of the treatment")
     * @param units        the same, plural
     * @param minOption    the option that sets the minimum ({@code --min-scored})
     * @param min          fewest units for a value to count
     * @param alignHint    how to produce windows of the monitoring windows' length
     */
    public record Source(Path file, String window, String metricField, String unit, String units, String minOption, int min, String alignHint) {}

    /** The bounds of one row of a computed file, with its line, whichever variant or metric the row is of. */
    public record Span(Instant start, Instant end, int line) {}

    /** The windows with the treatment's values added, and per window start what was left out and why. */
    public record Merged(List<Window> windows, Map<Instant, List<String>> notes) {}

    private TreatmentMetrics() {}

    /**
     * Adds each usable value to the treatment's row of the monitoring window with the same bounds (creating the row when
     * the export has none for that window). Input errors: a computed window overlapping monitoring windows without
     * coinciding with one, and a metric the windows file already carries for the treatment in that window.
     */
    public static Merged merge(List<Window> windows, List<Value> values, String treatment, Source source) {
        requireAligned(windows, values.stream().map(v -> new Span(v.start(), v.end(), v.line())).toList(), source);
        Map<String, Window> byBounds = new LinkedHashMap<>();
        for (Window w : windows) byBounds.put(w.start() + "/" + w.end(), w);
        Map<String, Map<String, Double>> added = new LinkedHashMap<>();
        Map<String, Map<String, SessionClustering>> clustering = new LinkedHashMap<>();
        Map<Instant, List<String>> notes = new LinkedHashMap<>();
        for (Value v : values) {
            Window w = byBounds.get(v.start() + "/" + v.end());
            if (w == null) continue; // time outside the monitoring windows (requireAligned): nothing to check it against
            Window.VariantMetrics t = w.variants().get(treatment);
            if (t != null && t.metrics().containsKey(v.metric())) {
                throw new InputException(source.file(), v.line(), source.metricField(), v.metric() + " for the window starting " + v.start()
                        + " is also in the windows file; give it in one of the two");
            }
            if (v.designEffect() == 1 && v.n() < source.min()) {
                notes.computeIfAbsent(w.start(), k -> new ArrayList<>()).add(String.format("%s not used: %d %s in this window, fewer than %s %d",
                        v.metric(), v.n(), v.n() == 1 ? source.unit() : source.units(), source.minOption(), source.min()));
                continue;
            }
            if (v.effectiveN() < source.min()) {
                // Correlated units: the count overstates what the window knows, so the minimum is on the effective count.
                notes.computeIfAbsent(w.start(), k -> new ArrayList<>()).add(String.format(Locale.ROOT, "%s not used: %.0f effective %s in this window"
                        + " (%d / design effect %.2f, clustered by session), fewer than %s %d", v.metric(), v.effectiveN(), source.units(), v.n(),
                        v.designEffect(), source.minOption(), source.min()));
                continue;
            }
            added.computeIfAbsent(v.start() + "/" + v.end(), k -> new LinkedHashMap<>()).put(v.metric(), v.value());
            if (v.clustering() != null) clustering.computeIfAbsent(v.start() + "/" + v.end(), k -> new LinkedHashMap<>()).put(v.metric(), v.clustering());
        }
        List<Window> out = new ArrayList<>();
        for (Window w : windows) {
            Map<String, Double> extra = added.get(w.start() + "/" + w.end());
            if (extra == null) {
                out.add(w);
                continue;
            }
            Map<String, Window.VariantMetrics> variants = new LinkedHashMap<>(w.variants());
            Window.VariantMetrics t = variants.get(treatment);
            Map<String, Double> metrics = new LinkedHashMap<>(t == null ? Map.of() : t.metrics());
            metrics.putAll(extra);
            Map<String, SessionClustering> clustered = new LinkedHashMap<>(t == null ? Map.of() : t.clustering());
            clustered.putAll(clustering.getOrDefault(w.start() + "/" + w.end(), Map.of()));
            variants.put(treatment, new Window.VariantMetrics(t == null ? null : t.units(), metrics, clustered));
            out.add(new Window(w.start(), w.end(), variants, w.line()));
        }
        return new Merged(List.copyOf(out), notes);
    }

    /**
     * Refuses a file computed with another window length: the first of its rows (in line order, whatever the row's variant
     * or metric) whose window overlaps a monitoring window without coinciding with it. The field is the bound that differs:
     * {@code window_end} when the row starts with the monitoring window (a longer or shorter window), else
     * {@code window_start}. Rows wholly outside the monitoring windows are fine: nothing to check them against.
     */
    public static void requireAligned(List<Window> windows, List<Span> rows, Source source) {
        Set<String> bounds = new HashSet<>();
        for (Window w : windows) bounds.add(w.start() + "/" + w.end());
        rows.stream().filter(r -> !bounds.contains(r.start() + "/" + r.end())).sorted(Comparator.comparingInt(Span::line)).forEach(r -> {
            Window overlapping = windows.stream().filter(x -> x.start().isBefore(r.end()) && r.start().isBefore(x.end())).findFirst().orElse(null);
            if (overlapping == null) return;
            throw new InputException(source.file(), r.line(), r.start().equals(overlapping.start()) ? "window_end" : "window_start", String.format(
                    "the %s %s to %s does not coincide with the monitoring window %s to %s; %s", source.window(), r.start(), r.end(), overlapping.start(),
                    overlapping.end(), source.alignHint()));
        });
    }
}
