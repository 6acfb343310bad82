package dev.promptarena.run;

import dev.promptarena.analysis.TournamentAnalysis;
import dev.promptarena.config.AdaptiveSchedule;
import dev.promptarena.config.TournamentConfig;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.dataset.GoldenSet;
import dev.promptarena.stats.tournament.AdaptiveAllocation;
import dev.promptarena.stats.tournament.BradleyTerry;
import dev.promptarena.stats.tournament.BradleyTerryFit;
import dev.promptarena.stats.tournament.Game;
import dev.promptarena.stats.tournament.GameTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The adaptive schedule's two stages. Stage one (fixed in advance, so all inference uses it): every candidate against the
 * control on all cases and the candidate pairs on a seeded sample of the cases (the first pass). Stage two: extra
 * judgings of candidate pairs on the other cases, allocated by {@link AdaptiveAllocation} from the first-pass cases'
 * votes only, so the choice never looks at a generation or vote of the cases it schedules.
 *
 * @param firstPass the first-pass cases, in dataset order
 * @param remaining the other cases, in the seeded order stage two uses them (a pair with n extra cases takes the first n)
 */
record AdaptiveStage(AdaptiveSchedule settings, List<GoldenCase> firstPass, List<GoldenCase> remaining) {
    /** One pairing of stage two: candidates {@code a} &lt; {@code b} on {@code cases}. */
    record Extra(int a, int b, List<GoldenCase> cases) {}

    /** Splits the cases by a shuffle seeded with {@code seed} (the judge's seed, so a run and its resume agree). */
    static AdaptiveStage of(AdaptiveSchedule settings, List<GoldenCase> cases, long seed) {
        // Views of the golden set (ids only), the same split as shuffling a copy of the cases.
        GoldenSet all = GoldenSet.of(cases);
        GoldenSet shuffled = all.shuffled(new Random(seed));
        int n = settings.firstPassCases(cases.size());
        Set<String> first = new java.util.HashSet<>(shuffled.ids().subList(0, n));
        return new AdaptiveStage(settings, all.filter(first::contains), shuffled.select(java.util.stream.IntStream.range(n, shuffled.size()).toArray()));
    }

    /** The candidate pairs (both variants non-control), the only pairs stage two may add. */
    static List<int[]> candidatePairs(TournamentConfig t) {
        return t.pairings().stream().filter(p -> p[0] != 0).toList();
    }

    /** Cases that get extra judgings in total: {@code extra_pairs} (in judgings) over the repeats, in whole cases. */
    int extraCases(TournamentConfig t, int repeats) {
        return settings.extraJudgings(remaining.size() * repeats, candidatePairs(t).size()) / repeats;
    }

    /**
     * Stage two's pairings from the first pass's games (all pairings' games on first-pass cases; others are ignored here).
     * Pairs allocated no case are left out.
     */
    List<Extra> extras(TournamentConfig t, int repeats, List<Game> games) {
        Set<String> first = new java.util.HashSet<>(GoldenSet.of(firstPass).ids());
        List<Game> firstGames = games.stream().filter(g -> first.contains(g.caseId())).toList();
        List<int[]> pairs = candidatePairs(t);
        double[] weights = AdaptiveAllocation.flipProbabilities(fit(t.variants().size(), firstGames), pairs);
        int[] cases = AdaptiveAllocation.allocate(weights, extraCases(t, repeats), remaining.size());
        List<Extra> out = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            if (cases[p] > 0) out.add(new Extra(pairs.get(p)[0], pairs.get(p)[1], GoldenSet.of(remaining).first(cases[p])));
        }
        return out;
    }

    private static BradleyTerryFit fit(int variants, List<Game> games) {
        if (games.isEmpty()) return null;
        return new BradleyTerry(variants, 0, TournamentRun.TIES).fit(GameTable.of(variants, games).totals());
    }

    /** The games of recorded outcomes of pairing {@code a} vs {@code b}. */
    static List<Game> games(List<CaseRecord> records, int a, int b) {
        List<Game> out = new ArrayList<>();
        for (CaseRecord r : records) out.addAll(TournamentAnalysis.games(r.outcome(), a, b));
        return out;
    }
}
