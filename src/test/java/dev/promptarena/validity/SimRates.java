package dev.promptarena.validity;

import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.decision.GuardrailResult;
import dev.promptarena.decision.Outcome;
import java.util.EnumMap;
import java.util.Map;

/**
 * What {@code runs} simulated runs of one {@link Personality} decided and warned about: the measured rates of the
 * rates table in docs/statistics.md. A warning is recognised by the first words of its message.
 */
public final class SimRates {
    public final Personality personality;
    public final int cases;
    public int runs;
    public final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    public int orderWarnings, verbosityWarnings, loudVerbosity, reversals, anyExploratory, guardrailBreaches, pointBreaches, silentPass;
    public double estimateSum;

    SimRates(Personality personality, int cases) {
        this.personality = personality;
        this.cases = cases;
    }

    /** Runs {@code seeds} seeds starting at {@code firstSeed} through {@code arena}. */
    static SimRates measure(SimArena arena, Personality p, int cases, String decision, long firstSeed, int seeds) {
        SimRates r = new SimRates(p, cases);
        for (long s = firstSeed; s < firstSeed + seeds; s++) r.add(arena.run(p.options(), decision, s));
        return r;
    }

    void add(AnalysisResult a) {
        runs++;
        outcomes.merge(a.decision().outcome(), 1, Integer::sum);
        boolean order = a.warnings().stream().anyMatch(w -> w.startsWith("The judge picked the response shown first"));
        boolean verbosity = a.warnings().stream().anyMatch(w -> w.startsWith("Verbosity bias"));
        boolean loud = a.warnings().stream().anyMatch(w -> w.startsWith("VERBOSITY:"));
        boolean reversal = a.warnings().stream().anyMatch(w -> w.startsWith("Segment reversal"));
        orderWarnings += order ? 1 : 0;
        verbosityWarnings += verbosity ? 1 : 0;
        loudVerbosity += loud ? 1 : 0;
        reversals += reversal ? 1 : 0;
        anyExploratory += order || verbosity || reversal ? 1 : 0;
        guardrailBreaches += a.decision().guardrails().stream().anyMatch(GuardrailResult::breached) ? 1 : 0;
        // What a point-estimate rule (observed > limit, the rule before issue 15) would have done with the same runs.
        pointBreaches += a.decision().guardrails().stream().anyMatch(g -> g.bound() != null && g.observed() > g.limit()) ? 1 : 0;
        silentPass += a.decision().outcome() == Outcome.PASS && !loud ? 1 : 0;
        estimateSum += a.winRate().estimate() == null ? Double.NaN : a.winRate().estimate();
    }

    public double rate(Outcome o) { return outcomes.getOrDefault(o, 0) / (double) runs; }

    public double rate(int count) { return count / (double) runs; }

    public double meanEstimate() { return estimateSum / runs; }

    /** Binomial standard error of a rate near {@code p} over these runs. */
    public double se(double p) { return Math.sqrt(p * (1 - p) / runs); }
}
