package dev.promptarena.decision;

import dev.promptarena.stats.sequential.Boundaries;
import dev.promptarena.stats.sequential.ConfidenceSequence;
import dev.promptarena.stats.sequential.GroupSequential;
import dev.promptarena.stats.sequential.LookAction;
import dev.promptarena.stats.sequential.SequentialLook;
import dev.promptarena.stats.sequential.StagewiseEstimate;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a registered sequential design over the outcomes in case order, so the looks depend on how many
 * cases are complete in that order and never on when calls happened to finish: a resumed run, a warm-cache
 * rerun and {@code report} all reach the same looks and the same stop.
 *
 * <p>Look k happens when the first ⌈t_k · plannedCases⌉ positions of the case order are complete; its
 * statistic uses the scored cases among them (a case whose generation failed or whose verdict was
 * unparseable has no score, which lowers the information at that look a little and makes the design
 * slightly conservative). The anytime method feeds every scored case to the confidence sequence and
 * stops at the first case whose interval excludes ½.
 *
 * @param boundaries the design's boundaries (null for the anytime method)
 * @param lookCases  case-order positions of the looks (empty for anytime)
 * @param looks      the looks reached so far, in order; the last one is the stop when {@code stopped}
 * @param stopped    a boundary was crossed (or the last look reached): no new case should start
 * @param stopAt     positions (cases in case order) covered at the stop, else the positions replayed
 * @param adjustedWinRate median-unbiased win rate at a group-sequential stop (stage-wise ordering), else NaN
 * @param csLower    anytime: the confidence sequence's running interval after the replayed cases (NaN for group_sequential)
 * @param csWinRate  anytime: the naive win rate of the scored cases the sequence saw (NaN for group_sequential, whose looks
 *                   carry theirs; NaN before any score)
 */
public record SequentialReplay(Boundaries boundaries, List<Integer> lookCases, List<SequentialLook> looks, boolean stopped,
                               int stopAt, double adjustedWinRate, double csLower, double csUpper, double csWinRate) {

    /**
     * @param scores tie-half scores of the complete prefix of the case order (1, ½, 0), NaN for a case without a score
     */
    public static SequentialReplay of(SequentialSpec spec, double alpha, int plannedCases, List<Double> scores) {
        if (scores.size() > plannedCases) throw new IllegalArgumentException("more outcomes (" + scores.size() + ") than planned cases (" + plannedCases + ")");
        if (spec.method() == SequentialSpec.Method.ANYTIME) return anytime(alpha, scores);
        return of(GroupSequential.compute(spec.design(plannedCases, alpha)), plannedCases, scores);
    }

    /**
     * As {@link #of(SequentialSpec, double, int, List)} with the design's boundaries already computed (they are
     * registered once per run; computing them solves for the design drift, about 0.1 s).
     */
    public static SequentialReplay of(Boundaries b, int plannedCases, List<Double> scores) {
        if (scores.size() > plannedCases) throw new IllegalArgumentException("more outcomes (" + scores.size() + ") than planned cases (" + plannedCases + ")");
        List<Integer> at = b.fractions().stream().map(t -> (int) Math.ceil(t * plannedCases - 1e-9)).toList();
        List<SequentialLook> looks = new ArrayList<>();
        long wins = 0, ties = 0, losses = 0;
        int next = 0;
        for (int i = 0; i < scores.size() && next < at.size(); i++) {
            double s = scores.get(i);
            if (s == 1) wins++;
            else if (s == 0.5) ties++;
            else if (s == 0) losses++;
            if (i + 1 < at.get(next)) continue;
            next++;
            if (wins + ties + losses == 0) continue; // nothing scored yet: the look has no information
            SequentialLook look = SequentialLook.of(b, next, wins, ties, losses);
            looks.add(look);
            if (look.action() != LookAction.CONTINUE) {
                double tieShare = (double) ties / (wins + ties + losses);
                double adjusted = StagewiseEstimate.winRate(b, next, look.z(), tieShare, plannedCases);
                return new SequentialReplay(b, at, looks, true, i + 1, adjusted, Double.NaN, Double.NaN, Double.NaN);
            }
        }
        return new SequentialReplay(b, at, looks, false, scores.size(), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private static SequentialReplay anytime(double alpha, List<Double> scores) {
        ConfidenceSequence cs = new ConfidenceSequence(alpha);
        double sum = 0;
        for (int i = 0; i < scores.size(); i++) {
            if (Double.isNaN(scores.get(i))) continue;
            cs.add(scores.get(i));
            sum += scores.get(i);
            if (cs.lower() > 0.5 || cs.upper() < 0.5) {
                return new SequentialReplay(null, List.of(), List.of(), true, i + 1, Double.NaN, cs.lower(), cs.upper(), sum / cs.count());
            }
        }
        return new SequentialReplay(null, List.of(), List.of(), false, scores.size(), Double.NaN, cs.lower(), cs.upper(),
                cs.count() == 0 ? Double.NaN : sum / cs.count());
    }

    /** The look at which the run stopped, or null while it continues. */
    public SequentialLook stop() { return stopped && !looks.isEmpty() ? looks.get(looks.size() - 1) : null; }
}
