package dev.promptarena.planning;

import dev.promptarena.planning.PlanRequest.Kind;
import dev.promptarena.stats.tournament.Schedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Cases and judge calls a tournament needs to separate variants with the given true scores
 * ({@link dev.promptarena.stats.tournament.TournamentPlan}); {@code bestRateAtN} answers "and with {@code n} cases?".
 */
public record TournamentSizePlan(Kind kind, double alpha, double power, List<Double> scores, double position, double tieRate,
                                 String schedule, int pairsPerCase, int cases, long judgeCalls, long generationCalls,
                                 List<Integer> hardestPair, double perCaseSd, double bestRate, Integer n, Double bestRateAtN,
                                 @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                 Adaptive adaptive) implements Plan {
    /**
     * The adaptive schedule's two stages: stage one (what the ranking and the gate use, and what {@code cases} and
     * {@code judgeCalls} count) and stage two's extra judgings, budgeted apart because they add nothing to the ranking.
     *
     * @param firstPassCases   cases on which the candidate pairs are judged in stage one (the run's default {@code first_pass})
     * @param extraJudgeCalls  stage two's judge calls (the run's default {@code extra_pairs})
     */
    public record Adaptive(int firstPassCases, long extraJudgeCalls) {}

    @Override
    public List<String> lines() {
        int k = scores.size();
        int family = schedule.equals(Schedule.VS_CONTROL.name().toLowerCase(Locale.ROOT)) ? k - 1 : k * (k - 1) / 2;
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Tournament of %d variants (%s, %d pairs per case), true scores %s (variant 0 = control), "
                + "position %.2f, tie rate %.2f (two-sided alpha %.3g / %d pairs, power %.2f):", k, schedule, pairsPerCase,
                Arrays.toString(scores.toArray()), position, tieRate, alpha, family, power));
        if (adaptive == null) {
            out.add(String.format(Locale.ROOT, "  %,d cases: %,d judge calls (one per pair per case) and %,d generation calls; the hardest pair is "
                    + "%d vs %d (per-case SD of its difference %.3f).", cases, judgeCalls, generationCalls, hardestPair.get(0), hardestPair.get(1), perCaseSd));
        } else {
            out.add(String.format(Locale.ROOT, "  %,d cases: stage one (what the ranking and the gate use) %,d judge calls (each candidate vs the control"
                    + " on every case, candidate pairs on the %,d first-pass cases) and %,d generation calls; the hardest pair is %d vs %d"
                    + " (per-case SD of its difference %.3f).", cases, judgeCalls, adaptive.firstPassCases(), generationCalls,
                    hardestPair.get(0), hardestPair.get(1), perCaseSd));
            out.add(String.format(Locale.ROOT, "  Adaptive budget (stage two, exploratory, not counted above): %,d more judge calls on the"
                    + " least certain candidate pairs (default extra_pairs), no more generations; %,d judge calls in all.",
                    adaptive.extraJudgeCalls(), judgeCalls + adaptive.extraJudgeCalls()));
        }
        out.add(String.format(Locale.ROOT, "  P(the top estimate is the true best) at %,d cases: %.3f.", cases, bestRate));
        if (n != null) out.add(String.format(Locale.ROOT, "  At --n %,d cases: %.3f.", n, bestRateAtN));
        out.add("  Model-based: assumes cases add no variation of their own; with heterogeneous cases plan more.");
        return out;
    }
}
