package dev.promptarena.canary;

import dev.promptarena.stats.ExploratoryFamily;
import dev.promptarena.stats.Interval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Online judge scores per time window: per axis the mean with a t interval, and the drift of each window
 * against a baseline window as a Welch difference of means (interval and two-sided p, as
 * {@code scipy.stats.ttest_ind(window, baseline, equal_var=False)}). Scores of one trace are one unit.
 *
 * <p>The drift tests of one scoring are one family (every window but the baseline, times every axis), Holm-adjusted:
 * tested one by one at alpha, 6 windows and 3 axes with no drift at all showed at least one p below 0.05 in 39% of runs,
 * 30 windows and 5 axes in 87% (docs/statistics.md 19.4, {@code bench/score-drift.sh}). A window is flagged as drifted
 * on its adjusted p.
 */
public final class ScoreWindows {
    private ScoreWindows() {}

    /** One scored trace. */
    public record Scored(Instant time, Map<String, Integer> scores) {}

    /**
     * One axis in one window [start, end), with its drift against the baseline window (null for the baseline itself or when n < 2).
     *
     * @param driftP        the Welch p of this comparison alone
     * @param driftPHolm    {@code driftP} Holm-adjusted over every drift test of the scoring (windows x axes)
     * @param drifted       {@code driftPHolm < alpha}: the drift is beyond the noise of the whole family
     */
    public record AxisWindow(Instant windowStart, Instant windowEnd, String axis, int n, double mean, Interval interval, Double drift, Interval driftInterval,
                             Double driftP, Double driftPHolm, boolean drifted) {}

    /** The per-window results and the size of the family their drift p-values were adjusted over. */
    public record Analysis(List<AxisWindow> windows, int driftTests, double alpha) {
        public long drifted() { return windows.stream().filter(AxisWindow::drifted).count(); }
    }

    public static Analysis analyse(List<Scored> scored, List<String> axes, long windowHours, Instant baselineStart, double alpha) {
        List<AxisWindow> raw = unadjusted(scored, axes, windowHours, baselineStart, alpha);
        ExploratoryFamily family = ExploratoryFamily.of(alpha, raw.stream().map(AxisWindow::driftP).toArray(Double[]::new));
        List<AxisWindow> out = new ArrayList<>();
        int tests = 0;
        for (int i = 0; i < raw.size(); i++) {
            AxisWindow w = raw.get(i);
            if (family.adjusted(i) != null) tests++;
            out.add(new AxisWindow(w.windowStart(), w.windowEnd(), w.axis(), w.n(), w.mean(), w.interval(), w.drift(), w.driftInterval(), w.driftP(),
                    family.adjusted(i), family.keeps(i)));
        }
        return new Analysis(List.copyOf(out), tests, alpha);
    }

    private static List<AxisWindow> unadjusted(List<Scored> scored, List<String> axes, long windowHours, Instant baselineStart, double alpha) {
        long width = windowHours * 3600;
        TreeMap<Long, List<Scored>> byWindow = new TreeMap<>();
        for (Scored s : scored) byWindow.computeIfAbsent(Math.floorDiv(s.time().getEpochSecond(), width), k -> new ArrayList<>()).add(s);
        if (byWindow.isEmpty()) return List.of();
        long base = baselineStart == null ? byWindow.firstKey() : Math.floorDiv(baselineStart.getEpochSecond(), width);
        List<AxisWindow> out = new ArrayList<>();
        for (String axis : axes) {
            double[] b = values(byWindow.getOrDefault(base, List.of()), axis);
            for (Map.Entry<Long, List<Scored>> w : byWindow.entrySet()) {
                double[] x = values(w.getValue(), axis);
                double mean = mean(x);
                Interval ci = null;
                if (x.length >= 2) {
                    double h = t(x.length - 1, alpha) * Math.sqrt(var(x) / x.length);
                    ci = new Interval(mean - h, mean + h, 1 - alpha, "t");
                }
                Double drift = null, p = null;
                Interval dci = null;
                if (w.getKey() != base && x.length >= 2 && b.length >= 2) {
                    double va = var(x) / x.length, vb = var(b) / b.length, se = Math.sqrt(va + vb);
                    drift = mean - mean(b);
                    if (se > 0) {
                        double df = (va + vb) * (va + vb) / (va * va / (x.length - 1) + vb * vb / (b.length - 1));
                        double tq = t(df, alpha);
                        dci = new Interval(drift - tq * se, drift + tq * se, 1 - alpha, "welch");
                        p = 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(drift / se));
                    }
                }
                out.add(new AxisWindow(Instant.ofEpochSecond(w.getKey() * width), Instant.ofEpochSecond((w.getKey() + 1) * width), axis, x.length, mean, ci, drift, dci, p, null, false));
            }
        }
        return out;
    }

    private static double t(double df, double alpha) { return new TDistribution(null, df).inverseCumulativeProbability(1 - alpha / 2); }

    private static double[] values(List<Scored> s, String axis) {
        return s.stream().filter(x -> x.scores().containsKey(axis)).mapToDouble(x -> x.scores().get(axis)).toArray();
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return x.length == 0 ? Double.NaN : s / x.length;
    }

    private static double var(double[] x) {
        double m = mean(x), s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return s / (x.length - 1);
    }
}
