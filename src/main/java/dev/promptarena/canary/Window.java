package dev.promptarena.canary;

import dev.promptarena.input.InputException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One aggregate monitoring window: per variant, the units it saw and its metric values.
 *
 * @param start    window start
 * @param end      window end
 * @param variants per variant name
 * @param line     the first line of the window in its file, for messages
 */
public record Window(Instant start, Instant end, Map<String, VariantMetrics> variants, int line) {
    /** Columns with a fixed meaning; every other column is a metric. */
    public static final Set<String> KEY_COLUMNS = Set.of("window_start", "window_end", "variant", "units");

    /**
     * A variant's numbers in one window; {@code units} null when the export has no unit counts. {@code clustering}, by
     * metric, for a rate whose units are correlated (a signal rate's turns, clustered by session; from {@code --signals}):
     * the guardrail's noise allowance grows with its design effect and with the noise of estimating it from few sessions
     * ({@link Monitor}). A metric without one is taken as it is (an export's own metrics).
     */
    public record VariantMetrics(Long units, Map<String, Double> metrics, Map<String, SessionClustering> clustering) {
        public VariantMetrics {
            metrics = Map.copyOf(metrics);
            clustering = Map.copyOf(clustering);
        }

        public VariantMetrics(Long units, Map<String, Double> metrics) {
            this(units, metrics, Map.of());
        }

        /** How a metric's units are clustered by session; null when they are independent (or the metric is not a rate of turns). */
        public SessionClustering clustering(String metric) {
            return clustering.get(metric);
        }

        /** The design effect of a metric's value, 1 when its units are independent. */
        public double designEffect(String metric) {
            SessionClustering c = clustering.get(metric);
            return c == null ? 1 : c.designEffect();
        }
    }

    public Window {
        variants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variants));
    }

    /** Groups rows ({@code window_start, window_end, variant[, units], metric...}) into windows in time order. */
    public static List<Window> read(Path file) {
        List<InputRows.Row> rows = InputRows.read(file);
        Map<String, Window> byKey = new LinkedHashMap<>();
        Instant previousStart = null;
        for (InputRows.Row row : rows) {
            Instant start = row.time("window_start"), end = row.time("window_end");
            if (!end.isAfter(start)) throw row.error("window_end", "must be after window_start " + start);
            String variant = row.text("variant");
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (String column : row.fields().keySet()) {
                if (!KEY_COLUMNS.contains(column) && row.has(column)) metrics.put(column, row.number(column));
            }
            Long units = row.has("units") ? row.count("units") : null;
            String key = start + "/" + end;
            Window w = byKey.get(key);
            if (w == null) {
                if (previousStart != null && start.isBefore(previousStart)) throw row.error("window_start", "windows must be in time order; " + start + " comes after " + previousStart);
                previousStart = start;
                w = new Window(start, end, new LinkedHashMap<>(), row.line());
                byKey.put(key, w);
            }
            if (w.variants.containsKey(variant)) throw row.error("variant", "'" + variant + "' appears twice in the window starting " + start);
            Map<String, VariantMetrics> merged = new LinkedHashMap<>(w.variants);
            merged.put(variant, new VariantMetrics(units, metrics));
            byKey.put(key, new Window(start, end, merged, w.line));
        }
        if (byKey.isEmpty()) throw new InputException(file, 1, null, "no windows");
        return new ArrayList<>(byKey.values());
    }
}
