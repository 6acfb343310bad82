package dev.promptarena.report.signals;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.promptarena.canary.SignalAnalysis.SignalRow;
import dev.promptarena.canary.SignalAnalysis.WindowRate;
import dev.promptarena.canary.SignalAnalysis;
import dev.promptarena.report.CsvTable;
import dev.promptarena.report.Fmt;
import dev.promptarena.run.RunDirectory;
import dev.promptarena.stats.ClusteredProportions.Estimate;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code signals} results: signals.json, signals.csv, signals-windows.csv and signals.html. Variant
 * names come from the user's log, so the HTML goes through JMustache's escaping and the CSV through
 * {@link CsvTable#safe}, as every other report does.
 */
public final class SignalsReport {
    private SignalsReport() {}

    public static void write(SignalAnalysis.Result r, RunDirectory dir) {
        dir.writeJson("signals.json", model(r));
        CsvTable t = new CsvTable("signal", "control_rate", "control_lower", "control_upper", "treatment_rate", "treatment_lower", "treatment_upper",
                "difference", "difference_lower", "difference_upper", "p", "p_bh", "control_turns", "treatment_turns");
        for (SignalRow s : r.signals()) {
            t.row(s.signal(), s.control().estimate(), lo(s.control()), hi(s.control()), s.treatment().estimate(), lo(s.treatment()), hi(s.treatment()),
                    s.difference().estimate(), lo(s.difference()), hi(s.difference()), s.difference().p(), s.pBenjaminiHochberg(),
                    (double) s.control().units(), (double) s.treatment().units());
        }
        t.writeTo(dir, "signals.csv");
        CsvTable w = new CsvTable("window_start", "window_end", "variant", "signal", "turns", "with_signal", "rate", "lower", "upper", "sessions",
                "design_effect", "effective_turns");
        for (WindowRate x : r.windows()) {
            w.row(x.windowStart().toString(), x.windowEnd().toString(), x.variant(), x.signal(), (double) x.turns(), (double) x.withSignal(), x.rate().estimate(),
                    lo(x.rate()), hi(x.rate()), (double) x.rate().clusters(), x.designEffect(), x.effectiveTurns());
        }
        w.writeTo(dir, "signals-windows.csv");
        dir.writeText("signals.html", html(r));
    }

    /** The JSON form (also the HTML template's context). */
    public static Map<String, Object> model(SignalAnalysis.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("control", r.control());
        m.put("treatment", r.treatment());
        m.put("turnsControl", r.turnsControl());
        m.put("turnsTreatment", r.turnsTreatment());
        m.put("sessions", r.sessions());
        m.put("alpha", r.alpha());
        m.put("method", "rates and differences: linear probability model with session-clustered (CR1) standard errors; BH across signals");
        List<Map<String, Object>> signals = new ArrayList<>();
        for (SignalRow s : r.signals()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("signal", s.signal());
            x.put("control", estimate(s.control()));
            x.put("treatment", estimate(s.treatment()));
            x.put("difference", estimate(s.difference()));
            x.put("pBenjaminiHochberg", s.pBenjaminiHochberg());
            x.put("significant", s.pBenjaminiHochberg() < r.alpha());
            signals.add(x);
        }
        m.put("signals", signals);
        m.put("windowHours", r.windowHours());
        List<Map<String, Object>> windows = new ArrayList<>();
        for (WindowRate w : r.windows()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("windowStart", w.windowStart().toString());
            x.put("windowEnd", w.windowEnd().toString());
            x.put("variant", w.variant());
            x.put("signal", w.signal());
            x.put("turns", w.turns());
            x.put("withSignal", w.withSignal());
            x.put("rate", estimate(w.rate()));
            x.put("sessions", w.rate().clusters());
            x.put("designEffect", w.designEffect());
            x.put("effectiveTurns", w.effectiveTurns());
            windows.add(x);
        }
        m.put("windows", windows);
        return m;
    }

    private static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("estimate", e.estimate());
        x.put("se", Double.isFinite(e.se()) ? e.se() : null);
        x.put("lower", lo(e));
        x.put("upper", hi(e));
        x.put("p", Double.isFinite(e.p()) ? e.p() : null);
        x.put("units", e.units());
        x.put("clusters", e.clusters());
        // Fixed-format strings for the HTML view.
        x.put("pct", Fmt.pct(e.estimate()));
        x.put("interval", e.interval() == null ? Fmt.NONE : Fmt.pct(e.interval().lower()) + " to " + Fmt.pct(e.interval().upper()));
        x.put("pText", Double.isFinite(e.p()) ? Fmt.p(e.p()) : Fmt.NONE);
        return x;
    }

    private static Double lo(Estimate e) { return e.interval() == null ? null : e.interval().lower(); }

    private static Double hi(Estimate e) { return e.interval() == null ? null : e.interval().upper(); }

    static String html(SignalAnalysis.Result r) {
        Map<String, Object> ctx = model(r);
        for (Object o : (List<?>) ctx.get("signals")) {
            @SuppressWarnings("unchecked") Map<String, Object> s = (Map<String, Object>) o;
            s.put("pBhText", Fmt.p((Double) s.get("pBenjaminiHochberg")));
        }
        for (Object o : (List<?>) ctx.get("windows")) {
            @SuppressWarnings("unchecked") Map<String, Object> w = (Map<String, Object>) o;
            w.put("effectiveTurnsText", String.format(java.util.Locale.ROOT, "%.0f", (Double) w.get("effectiveTurns")));
        }
        try (InputStream in = SignalsReport.class.getResourceAsStream("/report/signals.html.mustache");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            // escapeHTML(true) is the default; stated because the page's safety depends on it.
            Template t = Mustache.compiler().escapeHTML(true).nullValue("—").compile(reader);
            return t.execute(ctx);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signals template", e);
        }
    }
}
