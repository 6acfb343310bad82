package dev.promptarena.report.html;

import java.util.Locale;

/**
 * A linear map from data values to SVG pixels. Geometry is computed here, in Java, so the template
 * only places numbers; values outside the domain are clamped so a wild interval stays on the chart.
 *
 * @param d0 domain start
 * @param d1 domain end
 * @param r0 pixel at d0
 * @param r1 pixel at d1
 */
public record Scale(double d0, double d1, double r0, double r1) {
    public Scale {
        if (!(d1 != d0)) throw new IllegalArgumentException("empty domain: " + d0 + " to " + d1);
    }

    /** The pixel of {@code v}, clamped to the range. */
    public double px(double v) {
        double t = Math.max(0, Math.min(1, (v - d0) / (d1 - d0)));
        return r0 + t * (r1 - r0);
    }

    /** The pixel as SVG attribute text with one decimal. */
    public String at(double v) { return fmt(px(v)); }

    /** One-decimal SVG number (compact, and identical on every machine). */
    public static String fmt(double px) { return String.format(Locale.ROOT, "%.1f", px); }
}
