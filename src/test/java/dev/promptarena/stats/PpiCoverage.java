package dev.promptarena.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Repeats {@link PpiSimulation} over seeds and tallies how often each 95% interval covers the true human win
 * rate, and the mean width of the corrected interval, for three ways of choosing the labels: a simple random
 * sample of exactly {@code labels} cases (PPI++), and exactly {@code labels} cases drawn by
 * {@link LabelSampling#drawExactly} with equal probabilities (a simple random sample) or proportional to the judge's
 * uncertainty (both with {@link ActivePpi}), as {@code prompt-arena label} draws them.
 */
public final class PpiCoverage {
    /** Coverage and width over the seeds for one design. */
    public record Tally(String design, int seeds, int corrected, int humanOnly, int judgeOnly, double meanWidth, double meanLabels,
                        double meanEffectiveLabels, double bias, double biasSe) {
        public double coverage() { return corrected / (double) seeds; }
        public double humanCoverage() { return humanOnly / (double) seeds; }
        public double judgeCoverage() { return judgeOnly / (double) seeds; }
    }

    private PpiCoverage() {}

    /** Tallies for RANDOM_SUBSET, UNIFORM_POISSON and UNCERTAIN, seeds {@code firstSeed ..}. */
    public static Tally[] run(PpiSimulation.Judge judge, int cases, int labels, int seeds, long firstSeed) {
        int[][] cover = new int[3][3];
        double[] width = new double[3], drawn = new double[3], effective = new double[3], err = new double[3], err2 = new double[3];
        for (int s = 0; s < seeds; s++) {
            SplittableRandom random = new SplittableRandom(firstSeed + s);
            PpiSimulation.Run run = PpiSimulation.run(judge, cases, random);
            CorrectedWinRate[] r = {randomSubset(run, labels, random),
                    active(run, LabelSampling.uniform(cases, labels), random.nextLong()),
                    active(run, LabelSampling.proportionalToRootUncertainty(run.uncertainty(), labels, LabelSampling.DEFAULT_UNIFORM_SHARE), random.nextLong())};
            for (int d = 0; d < 3; d++) {
                cover[d][0] += covers(r[d].corrected());
                cover[d][1] += covers(r[d].humanOnly());
                cover[d][2] += covers(r[d].judgeOnly());
                width[d] += r[d].corrected().interval().upper() - r[d].corrected().interval().lower();
                drawn[d] += r[d].labels();
                effective[d] += r[d].effectiveLabels();
                double e = r[d].corrected().estimate() - PpiSimulation.TRUTH;
                err[d] += e;
                err2[d] += e * e;
            }
        }
        String[] names = {"random subset (PPI++)", "label --strategy random (IPW)", "label --strategy uncertain (IPW)"};
        Tally[] out = new Tally[3];
        for (int d = 0; d < 3; d++) out[d] = new Tally(names[d], seeds, cover[d][0], cover[d][1], cover[d][2], width[d] / seeds, drawn[d] / seeds, effective[d] / seeds,
                err[d] / seeds, Math.sqrt((err2[d] / seeds - Math.pow(err[d] / seeds, 2)) / seeds));
        return out;
    }

    private static CorrectedWinRate randomSubset(PpiSimulation.Run run, int labels, SplittableRandom random) {
        int n = run.human().length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = 0; i < labels; i++) { // partial Fisher-Yates: the first `labels` are a simple random sample
            int j = i + random.nextInt(n - i);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        double[] y = new double[labels], yhat = new double[labels], rest = new double[n - labels];
        for (int i = 0; i < n; i++) {
            if (i < labels) { y[i] = run.human()[order[i]]; yhat[i] = run.judge()[order[i]]; }
            else rest[i - labels] = run.judge()[order[i]];
        }
        return PredictionPowered.estimate(y, yhat, rest, 0.05);
    }

    private static CorrectedWinRate active(PpiSimulation.Run run, double[] pi, long seed) {
        boolean[] labelled = LabelSampling.drawExactly(pi, seed);
        return ActivePpi.estimate(run.judge(), run.human(), pi, labelled, 0.05);
    }

    private static int covers(MeanEstimate e) {
        return e.interval().lower() <= PpiSimulation.TRUTH && PpiSimulation.TRUTH <= e.interval().upper() ? 1 : 0;
    }

    static String format(Tally t) {
        return String.format(java.util.Locale.ROOT, "%-38s seeds %6d  labels %6.1f  coverage corrected %.4f  human-only %.4f  judge-only %.4f  mean width %.4f  effective labels %.0f  bias %+.4f (se %.4f)",
                t.design(), t.seeds(), t.meanLabels(), t.coverage(), t.humanCoverage(), t.judgeCoverage(), t.meanWidth(), t.meanEffectiveLabels(), t.bias(), t.biasSe());
    }

    /** Usage: {@code PpiCoverage CASES LABELS SEEDS [FIRST_SEED]}; prints one line per judge and design. */
    public static void main(String[] args) {
        int cases = Integer.parseInt(args[0]), labels = Integer.parseInt(args[1]), seeds = Integer.parseInt(args[2]);
        long first = args.length > 3 ? Long.parseLong(args[3]) : 1_000_000L;
        for (PpiSimulation.Judge j : PpiSimulation.Judge.values()) {
            System.out.println(j + " (cases " + cases + ", expected labels " + labels + ")");
            Arrays.stream(run(j, cases, labels, seeds, first)).map(PpiCoverage::format).forEach(l -> System.out.println("  " + l));
        }
    }
}
