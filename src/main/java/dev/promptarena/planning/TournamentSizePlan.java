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
                                 List<Integer> hardestPair, double perCaseSd, double bestRate, Integer n, Double bestRateAtN) implements Plan {
    @Override
    public List<String> lines() {
        int k = scores.size();
        int family = schedule.equals(Schedule.VS_CONTROL.name().toLowerCase(Locale.ROOT)) ? k - 1 : k * (k - 1) / 2;
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Tournament of %d variants (%s, %d pairs per case), true scores %s (variant 0 = control), "
                + "position %.2f, tie rate %.2f (two-sided alpha %.3g / %d pairs, power %.2f):", k, schedule, pairsPerCase,
                Arrays.toString(scores.toArray()), position, tieRate, alpha, family, power));
        out.add(String.format(Locale.ROOT, "  %,d cases: %,d judge calls (one per pair per case) and %,d generation calls; the hardest pair is "
                + "%d vs %d (per-case SD of its difference %.3f).", cases, judgeCalls, generationCalls, hardestPair.get(0), hardestPair.get(1), perCaseSd));
        out.add(String.format(Locale.ROOT, "  P(the top estimate is the true best) at %,d cases: %.3f.", cases, bestRate));
        if (n != null) out.add(String.format(Locale.ROOT, "  At --n %,d cases: %.3f.", n, bestRateAtN));
        out.add("  Model-based: assumes cases add no variation of their own; with heterogeneous cases plan more.");
        return out;
    }
}
