package dev.promptarena.planning;

import dev.promptarena.config.AdaptiveSchedule;
import dev.promptarena.stats.tournament.Schedule;

import dev.promptarena.stats.tournament.TournamentPlan;
import java.util.List;
import java.util.Locale;

/** {@code plan tournament}: checks the inputs and turns {@link TournamentPlan}'s numbers into a {@link TournamentSizePlan}. */
final class TournamentPlanner {
    private TournamentPlanner() {}

    static TournamentSizePlan plan(PlanRequest r) {
        PlanRequest.Tournament t = r.tournament();
        if (t == null || t.scores() == null || t.scores().size() < 2) {
            throw new IllegalArgumentException("give --scores with at least two comma-separated true scores, control first, e.g. 0,0.2,0.4");
        }
        double[] scores = t.scores().stream().mapToDouble(Double::doubleValue).toArray();
        for (double s : scores) {
            if (!Double.isFinite(s)) throw new IllegalArgumentException("--scores must be finite numbers, got: " + s);
        }
        // The adaptive schedule is planned with the run's defaults (first_pass half the cases, extra_pairs half the rest).
        AdaptiveSchedule adaptive = AdaptiveSchedule.DEFAULT;
        TournamentPlan p = TournamentPlan.of(scores, t.position(), r.tieRate(), t.schedule(), r.alpha(), r.power(), adaptive.firstPassShare());
        Double atN = null;
        if (r.n() != null) {
            if (r.n() < 1) throw new IllegalArgumentException("--n must be >= 1, got: " + r.n());
            atN = TournamentPlan.bestRate(scores, t.position(), r.tieRate(), t.schedule(), r.n(), adaptive.firstPassShare());
        }
        TournamentSizePlan.Adaptive stages = null;
        long judgeCalls = p.judgeCalls();
        if (t.schedule() == Schedule.ADAPTIVE) {
            int candidatePairs = (scores.length - 1) * (scores.length - 2) / 2, first = adaptive.firstPassCases(p.cases());
            stages = new TournamentSizePlan.Adaptive(first, adaptive.extraJudgings(p.cases() - first, candidatePairs));
            judgeCalls = (long) p.cases() * (scores.length - 1) + (long) first * candidatePairs;
        }
        return new TournamentSizePlan(r.kind(), r.alpha(), r.power(), List.copyOf(t.scores()), t.position(), r.tieRate(),
                t.schedule().name().toLowerCase(Locale.ROOT), p.pairsPerCase(), p.cases(), judgeCalls, (long) p.cases() * scores.length,
                List.of(p.hardestPair()[0], p.hardestPair()[1]), p.perCaseSd(), p.bestRate(), r.n(), atN, stages);
    }
}
