package dev.promptarena.report;

import dev.promptarena.stats.Interval;
import java.util.Locale;

/**
 * Number formatting shared by the HTML and Markdown reports, so a value reads the same in both.
 * Always {@link Locale#ROOT}: a report must not change with the machine that rendered it.
 * Null means "no data" and renders as an em dash.
 */
public final class Fmt {
    /** Shown for a missing value. */
    public static final String NONE = "—";

    private Fmt() {}

    /** 0.8088 → "80.9%". */
    public static String pct(Double v) {
        return v == null || v.isNaN() ? NONE : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    /** A number with {@code digits} decimals. */
    public static String num(Double v, int digits) {
        return v == null || v.isNaN() ? NONE : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** A number with an explicit sign, e.g. "+1.03". */
    public static String signed(Double v, int digits) {
        return v == null || v.isNaN() ? NONE : String.format(Locale.ROOT, "%+." + digits + "f", v);
    }

    /** A p-value: three significant digits, "< 0.0001" below that. */
    public static String p(Double v) {
        if (v == null || v.isNaN()) return NONE;
        if (v < 1e-4) return "< 0.0001";
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** "[64.8%, 90.7%]" for a probability interval. */
    public static String pctInterval(Interval i) {
        return i == null ? NONE : "[" + pct(i.lower()) + ", " + pct(i.upper()) + "]";
    }

    /** "[0.41, 1.59]" for an interval on another scale. */
    public static String interval(Interval i, int digits) {
        return i == null ? NONE : "[" + num(i.lower(), digits) + ", " + num(i.upper(), digits) + "]";
    }

    /** "95% wilson". */
    public static String method(Interval i) {
        return i == null ? "" : String.format(Locale.ROOT, "%.0f%% %s", 100 * i.level(), i.method());
    }

    /** US dollars with enough digits for sub-cent per-case costs. */
    public static String usd(Double v) {
        if (v == null || v.isNaN()) return NONE;
        return v == 0 ? "$0" : String.format(Locale.ROOT, v < 0.01 ? "$%.6f" : "$%.2f", v);
    }

    /** A file size in binary units: "1.2 MB". */
    public static String bytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }

    /** A guardrail value: percentages for rates, plain numbers otherwise. */
    public static String metric(String metric, Double v) {
        if (v == null) return NONE;
        if (metric.endsWith("_usd")) return usd(v);
        return metric.contains("rate") || metric.contains("growth") ? pct(v) : num(v, metric.endsWith("_ms") ? 0 : 2);
    }

    /**
     * A guardrail's one-sided bound beside its level and mode, on the metric's scale: "lower 1.2% at 97.5%,
     * harm_proven"; "—" for a guardrail decided on its point estimate (run health, or no per-case data).
     */
    public static String guardrailBound(dev.promptarena.decision.GuardrailResult g) {
        if (g.bound() == null) return NONE;
        boolean harm = g.mode() == dev.promptarena.decision.GuardrailSpec.Mode.HARM_PROVEN;
        return String.format(Locale.ROOT, "%s %s at %s, %s", harm ? "lower" : "upper", metric(g.metric(), g.bound()),
                pct(g.level()), harm ? "harm_proven" : "safety_proven");
    }

    /** "primary" / "exploratory" from an enum constant. */
    public static String role(Enum<?> role) { return role == null ? "" : role.name().toLowerCase(Locale.ROOT); }
}
