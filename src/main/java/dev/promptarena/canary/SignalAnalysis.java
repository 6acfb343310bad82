package dev.promptarena.canary;

import dev.promptarena.stats.ClusteredProportions.Estimate;
import dev.promptarena.stats.ClusteredProportions;
import dev.promptarena.stats.PAdjust;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Implicit-feedback rates per variant: the share of turns that raised each signal, with session-clustered
 * intervals; the treatment − control difference per signal with a session-clustered two-proportion test
 * ({@link ClusteredProportions}); Benjamini–Hochberg across the signals (five looks at one experiment); and
 * the same rates per time window, so a novelty effect (a difference that fades) shows.
 */
public final class SignalAnalysis {
    private SignalAnalysis() {}

    /** One signal's comparison. */
    public record SignalRow(String signal, Estimate control, Estimate treatment, Estimate difference, double pBenjaminiHochberg) {}

    /**
     * One signal's rate for one variant in one time window [windowStart, windowEnd). Windows are aligned as {@code score}
     * aligns its windows (on the hour for 1 hour, at 00:00 UTC for 24), so {@code canary check --signals} can match each to
     * the monitoring window with the same bounds.
     *
     * <p>{@code designEffect} is the rate's session-clustered variance over its variance for independent turns
     * ({@link ClusteredProportions#rateDesignEffect}, at least 1): turns of one session are correlated, so a window of many
     * multi-turn sessions knows less than its count of turns suggests. {@link #effectiveTurns} is what
     * {@code canary check --min-turns} and the guardrail's test use.
     */
    public record WindowRate(Instant windowStart, Instant windowEnd, String variant, String signal, int turns, int withSignal, Estimate rate,
                             double designEffect) {
        /** The number of independent turns that would measure the rate as precisely: turns / design effect. */
        public double effectiveTurns() {
            return turns / designEffect;
        }
    }

    /** Everything the signals report shows. */
    public record Result(String control, String treatment, int turnsControl, int turnsTreatment, int sessions, double alpha,
                         List<SignalRow> signals, List<WindowRate> windows, long windowHours) {}

    public static Result analyse(List<SignalEvents.Turn> turns, String control, String treatment, double alpha, long windowHours) {
        List<SignalEvents.Turn> used = turns.stream().filter(t -> t.variant().equals(control) || t.variant().equals(treatment)).toList();
        Map<String, Integer> ids = new HashMap<>();
        int n = used.size();
        int[] cluster = new int[n];
        boolean[] treated = new boolean[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = ids.computeIfAbsent(used.get(i).session(), k -> ids.size());
            treated[i] = used.get(i).variant().equals(treatment);
        }
        int nt = 0;
        for (boolean b : treated) if (b) nt++;
        if (nt == 0 || nt == n) throw new IllegalArgumentException("the log needs turns of both '" + control + "' and '" + treatment + "'");
        List<Estimate[]> est = new ArrayList<>();
        double[] p = new double[SignalEvents.SIGNALS.size()];
        for (int s = 0; s < p.length; s++) {
            String signal = SignalEvents.SIGNALS.get(s);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = used.get(i).signals().contains(signal) ? 1 : 0;
            Estimate c = ClusteredProportions.rate(subset(y, treated, false), subset(cluster, treated, false), alpha);
            Estimate t = ClusteredProportions.rate(subset(y, treated, true), subset(cluster, treated, true), alpha);
            Estimate d = ClusteredProportions.difference(y, treated, cluster, alpha);
            est.add(new Estimate[] {c, t, d});
            p[s] = Double.isNaN(d.p()) ? 1 : d.p();
        }
        double[] bh = PAdjust.BENJAMINI_HOCHBERG.adjust(p);
        List<SignalRow> rows = new ArrayList<>();
        for (int s = 0; s < p.length; s++) rows.add(new SignalRow(SignalEvents.SIGNALS.get(s), est.get(s)[0], est.get(s)[1], est.get(s)[2], bh[s]));
        return new Result(control, treatment, n - nt, nt, ids.size(), alpha, rows, windows(used, control, treatment, alpha, windowHours), windowHours);
    }

    private static List<WindowRate> windows(List<SignalEvents.Turn> used, String control, String treatment, double alpha, long hours) {
        long width = hours * 3600;
        TreeMap<Long, List<SignalEvents.Turn>> byWindow = new TreeMap<>();
        for (SignalEvents.Turn t : used) byWindow.computeIfAbsent(Math.floorDiv(t.time().getEpochSecond(), width), k -> new ArrayList<>()).add(t);
        List<WindowRate> out = new ArrayList<>();
        for (Map.Entry<Long, List<SignalEvents.Turn>> w : byWindow.entrySet()) {
            for (String variant : List.of(control, treatment)) {
                List<SignalEvents.Turn> ts = w.getValue().stream().filter(t -> t.variant().equals(variant)).toList();
                if (ts.isEmpty()) continue;
                Map<String, Integer> ids = new HashMap<>();
                int[] cluster = ts.stream().mapToInt(t -> ids.computeIfAbsent(t.session(), k -> ids.size())).toArray();
                for (String signal : SignalEvents.SIGNALS) {
                    double[] y = ts.stream().mapToDouble(t -> t.signals().contains(signal) ? 1 : 0).toArray();
                    int k = (int) java.util.Arrays.stream(y).sum();
                    Estimate rate = ClusteredProportions.rate(y, cluster, alpha);
                    out.add(new WindowRate(Instant.ofEpochSecond(w.getKey() * width), Instant.ofEpochSecond((w.getKey() + 1) * width), variant, signal, ts.size(), k,
                            rate, ClusteredProportions.rateDesignEffect(y, rate)));
                }
            }
        }
        return out;
    }

    private static double[] subset(double[] y, boolean[] treated, boolean want) {
        return java.util.stream.IntStream.range(0, y.length).filter(i -> treated[i] == want).mapToDouble(i -> y[i]).toArray();
    }

    private static int[] subset(int[] c, boolean[] treated, boolean want) {
        return java.util.stream.IntStream.range(0, c.length).filter(i -> treated[i] == want).map(i -> c[i]).toArray();
    }
}
