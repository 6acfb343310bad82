package dev.promptarena.canary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A simulated online judge of known behaviour for {@code score}'s drift flag: each trace is a good answer with
 * probability {@code goodShare} (in the last window {@code lastWindowGoodShare}), and the judge scores every axis
 * 4 for a good answer and 2 for a poor one, moved one point up or down with probability 0.3 per axis (so the axes of
 * one trace are correlated, as a real judge's are). With the two shares equal there is no drift anywhere.
 * {@code main} is the sweep of docs/statistics.md 19.4 ({@code bench/score-drift.sh}).
 */
public final class ScoreDriftSimulation {
    static final List<String> AXES3 = List.of("Clarity", "Accuracy", "Tone");
    private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");

    /** One simulated scoring: windows of one day each, the first the baseline. */
    record Design(int windows, List<String> axes, int perWindow, double goodShare, double lastWindowGoodShare) {
        String label() {
            return String.format(Locale.ROOT, "%d windows x %d axes, %d per window, good %.2f -> %.2f in the last", windows, axes.size(),
                    perWindow, goodShare, lastWindowGoodShare);
        }
    }

    /** Share of runs in which at least one window is flagged: by the Holm-adjusted flag, and by an unadjusted p < alpha. */
    record Rates(int runs, int flagged, int flaggedUnadjusted, int lastWindowFlagged) {
        double flaggedShare() { return (double) flagged / runs; }
        double unadjustedShare() { return (double) flaggedUnadjusted / runs; }
        double lastWindowShare() { return (double) lastWindowFlagged / runs; }
    }

    private ScoreDriftSimulation() {}

    static List<ScoreWindows.Scored> scores(Design d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ScoreWindows.Scored> out = new ArrayList<>();
        for (int w = 0; w < d.windows(); w++) {
            double good = w == d.windows() - 1 ? d.lastWindowGoodShare() : d.goodShare();
            for (int i = 0; i < d.perWindow(); i++) {
                int base = rng.nextDouble() < good ? 4 : 2;
                Map<String, Integer> s = new LinkedHashMap<>();
                for (String axis : d.axes()) s.put(axis, base + (rng.nextDouble() < 0.3 ? (rng.nextBoolean() ? 1 : -1) : 0));
                out.add(new ScoreWindows.Scored(START.plusSeconds(86_400L * w + 60L * i), s));
            }
        }
        return out;
    }

    static Rates rates(Design d, int runs, long firstSeed, double alpha) {
        int flagged = 0, unadjusted = 0, last = 0;
        Instant lastWindow = START.plusSeconds(86_400L * (d.windows() - 1));
        for (int r = 0; r < runs; r++) {
            ScoreWindows.Analysis a = ScoreWindows.analyse(scores(d, firstSeed + r), d.axes(), 24, null, alpha);
            if (a.drifted() > 0) flagged++;
            if (a.windows().stream().anyMatch(w -> w.driftP() != null && w.driftP() < alpha)) unadjusted++;
            if (a.windows().stream().anyMatch(w -> w.drifted() && w.windowStart().equals(lastWindow))) last++;
        }
        return new Rates(runs, flagged, unadjusted, last);
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.println("| design | runs | any window flagged (Holm, the flag) | any unadjusted p < 0.05 (before) | last window flagged |");
        System.out.println("|---|---|---|---|---|");
        for (Design d : List.of(
                new Design(2, List.of("Overall"), 40, 0.6, 0.6),
                new Design(7, AXES3, 40, 0.6, 0.6),
                new Design(7, AXES3, 200, 0.6, 0.6),
                new Design(15, AXES3, 40, 0.6, 0.6),
                new Design(31, List.of("Clarity", "Accuracy", "Tone", "Policy", "Empathy"), 20, 0.6, 0.6),
                new Design(2, List.of("Overall"), 40, 0.6, 0.35),
                new Design(7, AXES3, 40, 0.6, 0.35),
                new Design(7, AXES3, 40, 0.6, 0.25),
                new Design(7, AXES3, 100, 0.6, 0.45),
                new Design(7, AXES3, 200, 0.6, 0.45),
                new Design(31, List.of("Clarity", "Accuracy", "Tone", "Policy", "Empathy"), 20, 0.6, 0.25))) {
            Rates r = rates(d, runs, 1, 0.05);
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f%% | %.1f%% | %.1f%% |%n", d.label(), runs, 100 * r.flaggedShare(),
                    100 * r.unadjustedShare(), 100 * r.lastWindowShare());
        }
    }
}
