package dev.promptarena.stats;

import java.util.SplittableRandom;

/**
 * A judge of known behaviour against human labels drawn from a known truth, for the coverage checks of the
 * human-corrected win rate (PpiCoverageTest with few seeds, bench/ppi-coverage.sh with many).
 * Humans: A 35%, tie 20%, B 45%, so the true human win rate of B (tie = ½) is 0.55. 30% of the cases are hard.
 * The judge votes twice per case (both presentation orders); its score is the mean of its votes and its
 * uncertainty their variance plus 0.03 (a judge that is consistent can still be wrong).
 */
public final class PpiSimulation {
    /** The true human win rate of B. */
    public static final double TRUTH = 0.45 + 0.5 * 0.20;

    /** A judge of known behaviour. */
    public enum Judge {
        /** Favours B by about 10 points: copies the human 94% of the time on easy cases (else says B), on hard ones says B 60%. */
        BIASED_TOWARD_B,
        /** Agrees with the human on 70% of votes (87% easy, 30% hard), otherwise names one of the two other labels. */
        AGREES_70
    }

    /**
     * One simulated run: per case the human score, the judge's score and its uncertainty; voteAgreement is the
     * share of the judge's votes that name the human label (a check on the simulated judge, not an input).
     */
    public record Run(double[] human, double[] judge, double[] uncertainty, double voteAgreement) {}

    private PpiSimulation() {}

    public static Run run(Judge kind, int cases, SplittableRandom random) {
        double[] human = new double[cases], judge = new double[cases], uncertainty = new double[cases];
        int agreeing = 0;
        for (int i = 0; i < cases; i++) {
            double r = random.nextDouble();
            int h = r < 0.35 ? 0 : r < 0.55 ? 1 : 2; // 0 A, 1 tie, 2 B
            boolean hard = random.nextDouble() < 0.3;
            int first = vote(kind, h, hard, random), second = vote(kind, h, hard, random);
            agreeing += (first == h ? 1 : 0) + (second == h ? 1 : 0);
            double v1 = score(first), v2 = score(second);
            human[i] = score(h);
            judge[i] = (v1 + v2) / 2;
            uncertainty[i] = (v1 - v2) * (v1 - v2) / 4 + 0.03;
        }
        return new Run(human, judge, uncertainty, agreeing / (2.0 * cases));
    }

    private static int vote(Judge kind, int h, boolean hard, SplittableRandom random) {
        double r = random.nextDouble();
        int other = (h + 1 + random.nextInt(2)) % 3;
        return switch (kind) {
            case BIASED_TOWARD_B -> hard ? (r < 0.6 ? 2 : r < 0.9 ? h : other) : (r < 0.94 ? h : 2);
            case AGREES_70 -> r < (hard ? 0.3 : 0.87) ? h : other;
        };
    }

    private static double score(int label) { return label / 2.0; }
}
