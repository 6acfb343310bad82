package dev.promptarena.history;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.promptarena.report.Fmt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * index.html for a folder of runs: per arena, the trend of the primary metric (B's gated win rate with its
 * interval, one point per run, linked to the run's report.html) and the table of its runs. Self-contained;
 * every text value goes through Mustache's HTML escaping, and the SVG receives only numbers and escaped text.
 */
public final class IndexPage {
    private static final int W = 720, H = 220, LEFT = 44, RIGHT = 16, TOP = 12, BOTTOM = 28;

    private IndexPage() {}

    public static String render(String title, Map<String, List<RunSummary>> byArena) {
        List<Map<String, Object>> arenas = new ArrayList<>();
        byArena.forEach((arena, runs) -> arenas.add(arena(arena, runs)));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", title);
        model.put("arenas", arenas);
        model.put("w", W);
        model.put("h", H);
        return template().execute(model);
    }

    private static Map<String, Object> arena(String name, List<RunSummary> runs) {
        List<Map<String, Object>> points = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        double step = runs.size() > 1 ? (W - LEFT - RIGHT) / (double) (runs.size() - 1) : 0;
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            RunSummary r = runs.get(i);
            double x = runs.size() > 1 ? LEFT + i * step : (LEFT + W - RIGHT) / 2.0;
            // "./" first: a folder name with a colon must not read as a URL scheme (javascript:...).
            String href = "./" + r.folder() + "/report.html";
            if (r.winRate() != null) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("x", f(x));
                p.put("y", f(y(r.winRate())));
                p.put("ylo", f(y(r.lower() == null ? r.winRate() : r.lower())));
                p.put("yhi", f(y(r.upper() == null ? r.winRate() : r.upper())));
                p.put("href", href);
                p.put("cls", cls(r));
                p.put("label", r.runId() + ": " + r.decisionLabel() + ", win rate " + Fmt.pct(r.winRate()) + " " + r.intervalLabel());
                points.add(p);
                line.append(line.length() == 0 ? "M" : " L").append(f(x)).append(' ').append(f(y(r.winRate())));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("href", href);
            row.put("runId", r.runId());
            row.put("date", r.startedAt().length() >= 16 ? r.startedAt().substring(0, 16).replace('T', ' ') : r.startedAt());
            row.put("decision", r.decisionLabel());
            row.put("cls", cls(r));
            row.put("winRate", Fmt.pct(r.winRate()));
            row.put("interval", r.intervalLabel());
            row.put("n", r.scored());
            row.put("cost", Fmt.usd(r.costUsd()));
            rows.add(row);
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("points", points);
        a.put("path", line.toString());
        double threshold = runs.get(runs.size() - 1).threshold() == null ? 0.5 : runs.get(runs.size() - 1).threshold();
        a.put("ty", f(y(threshold)));
        a.put("thresholdLabel", Fmt.pct(threshold));
        a.put("y0", f(y(0)));
        a.put("y1", f(y(1)));
        a.put("x0", LEFT);
        a.put("x1", W - RIGHT);
        a.put("rows", rows);
        return a;
    }

    private static String cls(RunSummary r) {
        return r.decision() == null ? "none" : r.decision().toLowerCase(Locale.ROOT);
    }

    private static double y(double v) { return TOP + (1 - v) * (H - TOP - BOTTOM); }

    private static String f(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    private static Template template() {
        try (InputStream in = IndexPage.class.getResourceAsStream("/history/index.html.mustache")) {
            return Mustache.compiler().escapeHTML(true).compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
