package dev.promptarena.planning;

import dev.promptarena.config.AdaptiveSchedule;
import dev.promptarena.stats.tournament.Schedule;

import dev.promptarena.stats.tournament.TournamentPlan;
import java.util.List;
import java.util.Locale;

/** {@code plan tournament}: checks the inputs and turns {@link TournamentPlan}'s numbers into a {@link TournamentSizePlan}. */
final class TournamentPlanner {
    private TournamentPlanner() {}

    /**
     * The widest log-odds a game may have: past it the stronger side loses fewer than 2 games in a billion, so a
     * comparison carries almost no information about the gap (at 20 a two-variant plan asks 9.5 million cases) and
     * from about 30 the expected information is singular in double precision (the planner said only "matrix is singular").
     */
    static final double MAX_LOG_ODDS = 20;

    static TournamentSizePlan plan(PlanRequest r) {
        PlanRequest.Tournament t = r.tournament();
        if (t == null || t.scores() == null || t.scores().size() < 2) {
            throw new IllegalArgumentException("give --scores with at least two comma-separated true scores, control first, e.g. 0,0.2,0.4");
        }
        double[] scores = t.scores().stream().mapToDouble(Double::doubleValue).toArray();
        for (double s : scores) {
            if (!Double.isFinite(s)) throw new IllegalArgumentException("--scores must be finite numbers, got: " + s);
        }
        if (!Double.isFinite(t.position())) throw new IllegalArgumentException("--position must be a finite number (log-odds), got: " + t.position());
        requireInformativeGaps(scores, t.position());
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

    /** Refuses scores (and a first-slot advantage) so far apart that a game's outcome is certain, naming which. */
    private static void requireInformativeGaps(double[] scores, double position) {
        int low = 0, high = 0;
        for (int v = 1; v < scores.length; v++) {
            if (scores[v] < scores[low]) low = v;
            if (scores[v] > scores[high]) high = v;
        }
        double gap = scores[high] - scores[low];
        if (gap + Math.abs(position) <= MAX_LOG_ODDS) return;
        String why = " would win practically every game, and certain wins say nothing about the size of a gap;"
                + " on this log-odds scale a gap of 1 is a 73% win rate, 5 is 99.3%: keep the widest gap of --scores plus |--position| within "
                + num(MAX_LOG_ODDS);
        if (gap > MAX_LOG_ODDS || Math.abs(position) <= MAX_LOG_ODDS / 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--scores: variants %d (%s) and %d (%s) are %.4g apart%s: %d%s",
                    high, num(scores[high]), low, num(scores[low]), gap, position == 0 ? "" : " and --position adds " + num(Math.abs(position)), high, why));
        }
        throw new IllegalArgumentException("--position " + num(position) + ": the variant shown first" + why);
    }

    private static String num(double x) { return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x); }
}
