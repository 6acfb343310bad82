package dev.promptarena.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Simulated judge panels for the panel's warnings, on the analysis code alone (no pipeline): each case has a latent
 * verdict (A or B, fair coin); each judge copies it with probability {@code copy}, else draws A or B at random, so two
 * judges' Cohen's kappa is {@code copy²} (uniform margins, no ties). A judge with position bias q names the first-shown
 * response with probability q instead. Each judge is asked {@code samples} times per case; a sample flips the judge's
 * verdict with probability {@code flip} (stability = (1 − flip)³ + flip³ for three samples). The order (B first or not)
 * is a fair coin per case, shared by the panel, as the pipeline does.
 *
 * @param judges       panel size
 * @param cases        outcomes per run
 * @param copy         probability a judge copies the case's latent verdict
 * @param positionBias per judge, probability of naming the first-shown response (length {@code judges})
 * @param samples      samples per judge and case
 * @param flip         per sample, probability of the other verdict than the judge's own
 */
record PanelVotes(int judges, int cases, double copy, double[] positionBias, int samples, double flip) {
    static PanelVotes unbiased(int judges, int cases, double copy) {
        return new PanelVotes(judges, cases, copy, new double[judges], 1, 0);
    }

    private static final Side OK = new Side("output", 10, 0, 5, false, null, false);

    List<JudgedOutcome> draw(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<CaseOutcome> out = new ArrayList<>(cases);
        for (int c = 0; c < cases; c++) {
            boolean latentB = rng.nextBoolean();
            boolean bFirst = rng.nextBoolean();
            List<Vote> votes = new ArrayList<>();
            for (int j = 0; j < judges; j++) {
                boolean own = rng.nextDouble() < copy ? latentB : rng.nextBoolean();
                for (int s = 0; s < samples; s++) {
                    boolean b = rng.nextDouble() < flip ? !own : own;
                    if (rng.nextDouble() < positionBias[j]) b = bFirst;
                    votes.add(new Vote("j" + (j + 1), s, bFirst, b ? Winner.B : Winner.A, Map.of(), Map.of()));
                }
            }
            out.add(new CaseOutcome("c" + c, 0, Map.of(), OK, OK, votes, 0));
        }
        return JudgedOutcome.of(out);
    }

    /** Share of {@code runs} runs (seeds from {@code firstSeed}) in which some panel warning starts with {@code prefix}. */
    double warningRate(String prefix, long firstSeed, int runs) {
        int fired = 0;
        for (long s = firstSeed; s < firstSeed + runs; s++) {
            JudgePanelResult r = JudgePanelAnalysis.analyze(draw(s), 0.05, List.of());
            if (r.warnings().stream().anyMatch(w -> w.startsWith(prefix))) fired++;
        }
        return fired / (double) runs;
    }
}
