package dev.promptarena.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per-segment win rates and two checks:
 * <ul>
 *   <li>reversal: a segment whose win rate is significantly on the other side of 0.5 from the pooled one
 *       (one-sided tie-aware score test, Bonferroni over all segments; the run's family-wise rule then decides).
 *       In a paired design every case has both outputs, so the pooled rate equals the segment-size-weighted
 *       (stratified) one and cannot be "driven by the segment mix": a reversal means the effect differs by
 *       segment;</li>
 *   <li>mix shift: the share of a segment among scored outcomes differs by more than {@link #MIX_SHIFT}
 *       from its share among all outcomes, or its share among outcomes where A generated differs that much
 *       from its share where B generated, i.e. errors or unparseable verdicts removed cases unevenly and the
 *       pooled comparison is no longer over the dataset's mix.</li>
 * </ul>
 */
public final class SegmentAnalysis {
    /** Segments with fewer scored outcomes are flagged as too small to read. */
    public static final int MIN_N = 10;
    /** A shift in a segment's share larger than this (absolute) is reported. */
    public static final double MIX_SHIFT = 0.05;
    static final String MISSING = "(missing)";

    private SegmentAnalysis() {}

    /** @param pooledWinRate the overall tie-half win rate, or null when nothing is scored */
    public static SegmentsResult analyze(List<JudgedOutcome> judged, Double pooledWinRate, double alpha) {
        TreeSet<String> keys = new TreeSet<>();
        judged.forEach(j -> keys.addAll(j.outcome().tags().keySet()));
        List<SegmentResult> raw = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Reversal> reversals = new ArrayList<>();
        for (String key : keys) {
            List<SegmentResult> forKey = new ArrayList<>();
            byValue(judged, key).forEach((value, rows) -> forKey.add(segment(key, value, new Members(judged, rows), alpha)));
            raw.addAll(forKey);
            reversals.addAll(reversals(forKey, pooledWinRate));
            mixShift(key, forKey, judged).ifPresent(warnings::add);
        }
        double[] bh = PAdjust.BENJAMINI_HOCHBERG.adjust(raw.stream().mapToDouble(SegmentResult::p).toArray());
        List<SegmentResult> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            SegmentResult s = raw.get(i);
            out.add(new SegmentResult(s.key(), s.value(), s.outcomes(), s.scored(), s.wins(), s.losses(), s.ties(),
                    s.errorsA(), s.errorsB(), s.winRate(), s.wilson(), s.p(), bh[i], s.tooSmall()));
        }
        Reversal worst = reversals.stream().min(java.util.Comparator.comparingDouble(Reversal::p)).orElse(null);
        String message = null;
        Double p = null;
        if (worst != null) {
            p = Math.min(1, worst.p() * raw.size());
            SegmentResult s = worst.segment();
            message = String.format("Segment reversal (%s=%s): overall %s is ahead (win rate %.3f) but in this segment %s is"
                    + " significantly ahead (win rate %.3f, n = %d, one-sided p = %.2g, %.2g over %d segments). Every case has"
                    + " both outputs, so this is not the segment mix: the change helps some segments and hurts this one.",
                    s.key(), s.value(), pooledWinRate > 0.5 ? "B" : "A", pooledWinRate, pooledWinRate > 0.5 ? "A" : "B",
                    s.winRate(), s.scored(), worst.p(), p, raw.size());
        }
        return new SegmentsResult(Evidence.EXPLORATORY, MIN_N, out, !warnings.isEmpty(), warnings, message, p);
    }

    private record Reversal(SegmentResult segment, double p) {}

    /**
     * The positions of the outcomes of each value of {@code key}, values sorted. Positions, not lists of outcomes:
     * the outcomes of every segment would otherwise be held at once (issue 21).
     */
    private static Map<String, int[]> byValue(List<JudgedOutcome> judged, String key) {
        Map<String, Integer> number = new java.util.HashMap<>();
        int[] valueOf = new int[judged.size()];
        for (int i = 0; i < valueOf.length; i++) {
            valueOf[i] = number.computeIfAbsent(judged.get(i).outcome().tags().getOrDefault(key, MISSING), v -> number.size());
        }
        int[] count = new int[number.size()];
        for (int v : valueOf) count[v]++;
        int[][] rows = new int[count.length][];
        for (int v = 0; v < count.length; v++) rows[v] = new int[count[v]];
        int[] filled = new int[count.length];
        for (int i = 0; i < valueOf.length; i++) rows[valueOf[i]][filled[valueOf[i]]++] = i;
        Map<String, int[]> out = new TreeMap<>();
        number.forEach((value, v) -> out.put(value, rows[v]));
        return out;
    }

    /** The outcomes of one segment, read from the whole list by position (in list order). */
    private static final class Members extends java.util.AbstractList<JudgedOutcome> implements java.util.RandomAccess {
        private final List<JudgedOutcome> all;
        private final int[] rows;

        Members(List<JudgedOutcome> all, int[] rows) {
            this.all = all;
            this.rows = rows;
        }

        @Override
        public JudgedOutcome get(int i) { return all.get(rows[i]); }

        @Override
        public int size() { return rows.length; }
    }

    private static SegmentResult segment(String key, String value, List<JudgedOutcome> members, double alpha) {
        WinRateResult w = WinRateAnalysis.analyze(members, alpha, null);
        int errorsA = (int) members.stream().filter(j -> j.outcome().a().error()).count();
        int errorsB = (int) members.stream().filter(j -> j.outcome().b().error()).count();
        return new SegmentResult(key, value, members.size(), w.scored(), w.wins(), w.losses(), w.ties() + w.inconsistent(),
                errorsA, errorsB, w.winRate(), w.wilson(), w.signTestP(), Double.NaN, w.scored() < MIN_N);
    }

    /**
     * Segments on the other side of 0.5 from the pooled rate, each with the one-sided p of the tie-aware score
     * test z = (s − ½) / √((¼ − t/4) / n) in the direction away from the pooled winner.
     */
    private static List<Reversal> reversals(List<SegmentResult> segs, Double pooled) {
        List<Reversal> out = new ArrayList<>();
        if (pooled == null || pooled == 0.5) return out;
        for (SegmentResult s : segs) {
            if (s.winRate() == null || s.scored() == 0 || (s.winRate() > 0.5) == (pooled > 0.5) || s.winRate() == 0.5) continue;
            double t = s.ties() / (double) s.scored();
            double var = (0.25 - t / 4) / s.scored();
            if (!(var > 0)) continue;
            double z = (s.winRate() - 0.5) / Math.sqrt(var);
            out.add(new Reversal(s, Normal.cdf(pooled > 0.5 ? z : -z)));
        }
        return out;
    }

    private static Optional<String> mixShift(String key, List<SegmentResult> segs, List<JudgedOutcome> all) {
        int total = all.size();
        int scored = segs.stream().mapToInt(SegmentResult::scored).sum();
        int okA = total - segs.stream().mapToInt(SegmentResult::errorsA).sum();
        int okB = total - segs.stream().mapToInt(SegmentResult::errorsB).sum();
        List<String> shifted = new ArrayList<>();
        for (SegmentResult s : segs) {
            double shareAll = s.outcomes() / (double) total;
            double shareScored = scored == 0 ? shareAll : s.scored() / (double) scored;
            double shareA = okA == 0 ? shareAll : (s.outcomes() - s.errorsA()) / (double) okA;
            double shareB = okB == 0 ? shareAll : (s.outcomes() - s.errorsB()) / (double) okB;
            if (Math.abs(shareScored - shareAll) > MIX_SHIFT || Math.abs(shareA - shareB) > MIX_SHIFT) {
                shifted.add(String.format("%s=%s is %.0f%% of cases but %.0f%% of scored ones (A errors %d, B errors %d)",
                        key, s.value(), 100 * shareAll, 100 * shareScored, s.errorsA(), s.errorsB()));
            }
        }
        if (shifted.isEmpty()) return Optional.empty();
        return Optional.of("Segment mix shifted because errors or unparseable verdicts removed cases unevenly: "
                + String.join("; ", shifted) + ". The pooled win rate no longer reflects the dataset's mix.");
    }
}
