package dev.promptarena.stats.tournament;

import dev.promptarena.stats.Normal;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * How many cases (and judge calls) a tournament needs to separate variants whose true scores are given: a pure function
 * of the Bradley–Terry model's expected Fisher information.
 *
 * <p>Per case, every scheduled pair is judged once in a random order (each order with probability ½), so one case
 * carries information I₁ and n cases nI₁; the MLE of a score difference c is then about normal with variance
 * cᵀI₁⁻¹c / n. The cases needed are the most any target pair needs for a two-sided test at level α/m to reach the
 * power asked, where the targets are adjacent variants in score order (round robin) or each candidate against the
 * control (vs_control), and m is the size of the family the ranking or the gate adjusts over (Bonferroni's α/m is
 * the conservative end of Holm). The model assumes cases add no variation of their own; the bootstrap used in the
 * analysis does not assume that, so treat the plan as a lower bound when cases differ a lot.
 *
 * <p>The adaptive schedule is planned as it is run and analysed: its stage one (each candidate against the control on
 * every case, the candidate pairs on a first-pass share of the cases) is the design inference uses, so the information
 * per case weights the candidate pairs by that share, and the cases are those stage one needs; stage two's extra
 * judgings add no information to the ranking and are budgeted apart (by the caller).
 *
 * @param cases          cases needed
 * @param judgeCalls     judge calls needed (cases × pairs per case; for the adaptive schedule, stage one's)
 * @param pairsPerCase   pairs judged per case under the schedule
 * @param hardestPair    the target pair that set the size, {a, b}
 * @param perCaseSd      standard deviation of the hardest pair's difference estimate from one case (√(cᵀI₁⁻¹c))
 * @param bestRate       predicted probability that the highest point estimate is the truly best variant, at {@code cases}
 */
public record TournamentPlan(int cases, long judgeCalls, int pairsPerCase, int[] hardestPair, double perCaseSd, double bestRate) {
    private static final int BEST_DRAWS = 200_000;

    /**
     * @param scores   true scores, control first (index 0); the gaps to separate
     * @param position the judge's first-slot advantage on the log-odds scale
     * @param tieRate  share of ties between equal variants, 0 ≤ t &lt; 1 (Davidson ν = 2t / (1 − t))
     */
    public static TournamentPlan of(double[] scores, double position, double tieRate, Schedule schedule, double alpha, double power) {
        return of(scores, position, tieRate, schedule, alpha, power, 1);
    }

    /**
     * As {@link #of(double[], double, double, Schedule, double, double)}, with the adaptive schedule's first-pass share
     * (0 &lt; share ≤ 1; ignored by the fixed schedules): candidate pairs are judged on that share of the cases in stage one.
     */
    public static TournamentPlan of(double[] scores, double position, double tieRate, Schedule schedule, double alpha, double power,
                                    double firstPass) {
        int k = scores.length;
        if (k < 2) throw new IllegalArgumentException("need at least 2 variants, got: " + k);
        if (!(tieRate >= 0 && tieRate < 1)) throw new IllegalArgumentException("tie rate must be in [0, 1), got: " + tieRate);
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1), got: " + alpha);
        if (!(power > 0 && power < 1)) throw new IllegalArgumentException("power must be in (0, 1), got: " + power);
        if (!(firstPass > 0 && firstPass <= 1)) throw new IllegalArgumentException("first-pass share must be in (0, 1], got: " + firstPass);
        double[][] cov = perCaseCovariance(scores, position, tieRate, schedule, firstPass);
        int[][] targets = targets(scores, schedule);
        int family = schedule == Schedule.VS_CONTROL ? k - 1 : k * (k - 1) / 2;
        double z = Normal.quantile(1 - alpha / (2.0 * family)) + Normal.quantile(power);
        double need = 0, sd = 0;
        int[] hardest = targets[0];
        for (int[] t : targets) {
            double gap = Math.abs(scores[t[0]] - scores[t[1]]);
            if (gap == 0) throw new IllegalArgumentException("variants " + t[0] + " and " + t[1] + " have equal scores: no size separates them");
            double v = variance(cov, t[0], t[1]);
            double n = z * z * v / (gap * gap);
            if (n > need) {
                need = n;
                sd = Math.sqrt(v);
                hardest = t;
            }
        }
        int cases = dev.promptarena.stats.SampleSize.wholeCount(need, "cases");
        int pairs = schedule.pairs(k).length;
        long calls = (long) cases * pairs;
        if (schedule == Schedule.ADAPTIVE) {
            int candidatePairs = (k - 1) * (k - 2) / 2;
            calls = (long) cases * (k - 1) + (long) Math.min(cases, Math.round(firstPass * cases)) * candidatePairs;
        }
        return new TournamentPlan(cases, calls, pairs, hardest, sd, bestRate(scores, cov, cases));
    }

    /** Predicted probability that the highest estimate is the truly best variant after {@code cases} cases. */
    public static double bestRate(double[] scores, double position, double tieRate, Schedule schedule, int cases) {
        return bestRate(scores, position, tieRate, schedule, cases, 1);
    }

    /** As {@link #bestRate(double[], double, double, Schedule, int)} with the adaptive schedule's first-pass share. */
    public static double bestRate(double[] scores, double position, double tieRate, Schedule schedule, int cases, double firstPass) {
        return bestRate(scores, perCaseCovariance(scores, position, tieRate, schedule, firstPass), cases);
    }

    static double[][] perCaseCovariance(double[] scores, double position, double tieRate, Schedule schedule) {
        return perCaseCovariance(scores, position, tieRate, schedule, 1);
    }

    /**
     * Covariance of the scores (index 0 fixed at 0) from one case: the inverse expected information. For the adaptive
     * schedule a candidate pair is judged on a {@code firstPass} share of the cases (stage one), the control's on all.
     */
    static double[][] perCaseCovariance(double[] scores, double position, double tieRate, Schedule schedule, double firstPass) {
        int k = scores.length;
        BradleyTerry model = new BradleyTerry(k, 0, tieRate > 0 ? TieModel.DAVIDSON : TieModel.HALF);
        double[] games = new double[k * k];
        for (int[] p : schedule.pairs(k)) {
            double share = schedule == Schedule.ADAPTIVE && p[0] != 0 ? firstPass : 1;
            games[p[0] * k + p[1]] = 0.5 * share;
            games[p[1] * k + p[0]] = 0.5 * share;
        }
        double theta = tieRate > 0 ? Math.log(2 * tieRate / (1 - tieRate)) : 0;
        double[][] info = model.expectedInformation(model.parameters(scores, position, theta), games);
        RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(info, false)).getSolver().getInverse();
        double[][] cov = new double[k][k]; // row/column 0 (the control) stays 0
        for (int a = 1; a < k; a++) for (int b = 1; b < k; b++) cov[a][b] = inverse.getEntry(a - 1, b - 1);
        return cov;
    }

    private static int[][] targets(double[] scores, Schedule schedule) {
        int k = scores.length;
        if (schedule == Schedule.VS_CONTROL) return Schedule.VS_CONTROL.pairs(k);
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(scores[x], scores[y]));
        int[][] out = new int[k - 1][];
        for (int i = 0; i + 1 < k; i++) out[i] = new int[] {order[i], order[i + 1]};
        return out;
    }

    private static double variance(double[][] cov, int a, int b) { return cov[a][a] + cov[b][b] - 2 * cov[a][b]; }

    /** Monte Carlo (fixed seed, so a pure function) of argmax over the normal approximation N(s, Σ₁/n). */
    private static double bestRate(double[] scores, double[][] cov, int cases) {
        int k = scores.length, best = 0;
        for (int v = 1; v < k; v++) if (scores[v] > scores[best]) best = v;
        double[][] free = new double[k - 1][k - 1];
        for (int a = 1; a < k; a++) for (int b = 1; b < k; b++) free[a - 1][b - 1] = cov[a][b] / Math.max(cases, 1);
        double[][] l = new CholeskyDecomposition(new Array2DRowRealMatrix(free, false)).getL().getData();
        SplittableRandom random = new SplittableRandom(1);
        double[] z = new double[k - 1], draw = new double[k];
        int hits = 0;
        for (int d = 0; d < BEST_DRAWS; d++) {
            for (int i = 0; i < k - 1; i++) z[i] = Normal.quantile(random.nextDouble(Double.MIN_VALUE, 1));
            draw[0] = scores[0];
            int top = 0;
            for (int a = 1; a < k; a++) {
                double x = scores[a];
                for (int b = 0; b < a; b++) x += l[a - 1][b] * z[b];
                draw[a] = x;
                if (x > draw[top]) top = a;
            }
            if (top == best) hits++;
        }
        return (double) hits / BEST_DRAWS;
    }
}
