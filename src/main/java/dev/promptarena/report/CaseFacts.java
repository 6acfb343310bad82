package dev.promptarena.report;

import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.stats.Verdict;
import dev.promptarena.stats.VerdictCombiner;
import dev.promptarena.stats.Winner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * What the reports derive about one (case, repeat): its combined verdict, mean axis scores and the
 * largest drop from A to B. One place so the HTML table and the Markdown "worst regressions" rank
 * cases the same way.
 *
 * @param record     the recorded case
 * @param verdict    combined verdict ({@link VerdictCombiner}, the same rule the statistics use)
 * @param meanA      A's mean score per axis over parseable votes (axis order of the rubric; null when unscored)
 * @param meanB      B's mean score per axis
 * @param worstDrop  max over axes of (meanA − meanB); positive means B dropped; null without scores
 * @param worstAxis  the axis of that drop, or null
 * @param flipped    some judge sample named different winners in the two presentation orders
 * @param disagree   parseable votes named more than one winner (flips, panel or sample disagreement)
 */
public record CaseFacts(CaseRecord record, Verdict verdict, Map<String, Double> meanA, Map<String, Double> meanB,
                        Double worstDrop, String worstAxis, boolean flipped, boolean disagree) {

    /** Losses first (biggest drop first), then order-dependent and split verdicts, failures, ties, wins. */
    public static final Comparator<CaseFacts> WORST_FIRST = Comparator.comparingInt(CaseFacts::priority)
            .thenComparing(f -> f.worstDrop() == null ? Double.NEGATIVE_INFINITY : f.worstDrop(), Comparator.reverseOrder())
            .thenComparing(f -> f.record().caseId())
            .thenComparingInt(f -> f.record().repeat());

    /**
     * What ranks and plots a case without its record (report.html ranks every case but embeds only the worst few):
     * about 100 bytes a case, where the record with its texts is about 2.5 KB.
     *
     * @param index the case's position in the run (to read its record again)
     */
    public record Key(int index, Verdict verdict, int priority, Double worstDrop, String caseId, int repeat, int wordDiff) {
        /** The order of {@link CaseFacts#WORST_FIRST}. */
        public static final Comparator<Key> WORST_FIRST = Comparator.comparingInt(Key::priority)
                .thenComparing(k -> k.worstDrop() == null ? Double.NEGATIVE_INFINITY : k.worstDrop(), Comparator.reverseOrder())
                .thenComparing(Key::caseId)
                .thenComparingInt(Key::repeat);
    }

    /** This case's {@link Key}, at position {@code index} of the run. */
    public Key key(int index) {
        return new Key(index, verdict, priority(), worstDrop, record.caseId(), record.repeat(), wordDiff());
    }

    /**
     * The first {@code limit} cases by {@link #WORST_FIRST} among those {@code filter} keeps, reading {@code cases}
     * once and holding at most {@code limit + 1} of them (the same list as sorting them all, then taking the first).
     */
    public static List<CaseFacts> worst(Iterable<CaseRecord> cases, List<String> axes, Predicate<CaseFacts> filter, int limit) {
        PriorityQueue<CaseFacts> kept = new PriorityQueue<>(WORST_FIRST.reversed());
        for (CaseRecord r : cases) {
            CaseFacts f = of(r, axes);
            if (!filter.test(f)) continue;
            kept.add(f);
            if (kept.size() > limit) kept.poll();
        }
        List<CaseFacts> out = new ArrayList<>(kept);
        out.sort(WORST_FIRST);
        return out;
    }

    /**
     * The facts of one case. Plain loops: every case's facts are gathered in the analysis's read and again for each case
     * report.html embeds, and under the launcher's C1 compiler the stream form took ~7 µs a case (bench/README.md, ninth
     * session); the values are those of the stream form (CaseFactsTest).
     */
    public static CaseFacts of(CaseRecord r, List<String> axes) {
        List<JudgeTrace> ok = new ArrayList<>(r.traces().size());
        for (JudgeTrace t : r.traces()) if (t.winner() != Winner.UNPARSEABLE) ok.add(t);
        Map<String, Double> a = new LinkedHashMap<>();
        Map<String, Double> b = new LinkedHashMap<>();
        Double worst = null;
        String worstAxis = null;
        for (String axis : axes) {
            Double ma = mean(ok, axis, true);
            Double mb = mean(ok, axis, false);
            a.put(axis, ma);
            b.put(axis, mb);
            if (ma != null && mb != null && (worst == null || ma - mb > worst)) {
                worst = ma - mb;
                worstAxis = axis;
            }
        }
        boolean flipped = false, disagree = false;
        for (JudgeTrace x : ok) {
            disagree |= x.winner() != ok.get(0).winner();
            for (JudgeTrace y : ok) {
                flipped |= x.bFirst() != y.bFirst() && x.judge().equals(y.judge()) && x.sample() == y.sample() && x.winner() != y.winner();
            }
        }
        return new CaseFacts(r, VerdictCombiner.combine(r.outcome()), a, b, worst, worstAxis, flipped, disagree);
    }

    public CaseFacts {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(verdict, "verdict");
        meanA = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(meanA));
        meanB = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(meanB));
    }

    /** Sort rank: 0 = B lost, 1 = order-dependent or split, 2 = unusable, 3 = tie, 4 = B won. */
    public int priority() {
        return switch (verdict) {
            case A -> 0;
            case INCONSISTENT -> 1;
            case UNPARSEABLE, ERROR -> 2;
            case TIE -> disagree ? 1 : 3;
            case B -> disagree ? 1 : 4;
        };
    }

    /** B's word count minus A's. */
    public int wordDiff() { return record.b().words() - record.a().words(); }

    /** A short human label of the verdict in variant terms. */
    public String verdictLabel() {
        return switch (verdict) {
            case B -> "B won";
            case A -> "A won (B lost)";
            case TIE -> "tie";
            case INCONSISTENT -> "inconsistent";
            case UNPARSEABLE -> "unparseable";
            // Both sides generated, yet an error: every judge call failed (the trace says why).
            case ERROR -> record.a().error() || record.b().error() ? "error" : "judge error";
        };
    }

    /** The mean of the votes' scores of {@code axis} for A or B, over those that scored it (as IntStream.average: long sum / count). */
    private static Double mean(List<JudgeTrace> traces, String axis, boolean a) {
        long sum = 0;
        int n = 0;
        for (JudgeTrace t : traces) {
            Integer score = (a ? t.scoresA() : t.scoresB()).get(axis);
            if (score == null) continue;
            sum += score;
            n++;
        }
        return n > 0 ? (double) sum / n : null;
    }
}
