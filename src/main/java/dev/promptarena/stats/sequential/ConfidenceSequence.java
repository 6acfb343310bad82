package dev.promptarena.stats.sequential;

/**
 * Anytime-valid confidence sequence for the mean of observations in [0, 1]: the predictable plug-in
 * empirical-Bernstein CS of Waudby-Smith &amp; Ramdas ("Estimating means of bounded random variables by
 * betting", JRSS-B 2024, Theorem 2). P(the mean leaves the interval at <em>any</em> t) ≤ alpha, so the
 * run may look after every case and stop whenever the interval clears ½, with no planned looks.
 *
 * <p>After t observations, with λ_i = min(√(2 ln(2/α) / (σ̂²_{i−1} · i · ln(1 + i))), ½),
 * μ̂_i = (½ + Σ_{j≤i} x_j)/(i + 1), σ̂²_i = (¼ + Σ_{j≤i}(x_j − μ̂_j)²)/(i + 1), σ̂²_0 = ¼, μ̂_0 = ½,
 * v_i = 4(x_i − μ̂_{i−1})² and ψ(λ) = (−ln(1 − λ) − λ)/4, the interval is
 * Σλ_i x_i / Σλ_i ± (ln(2/α) + Σ v_i ψ(λ_i)) / Σλ_i, intersected with [0, 1] and with the previous
 * intervals (the running intersection keeps the guarantee). It is the betting CS's closed-form
 * cousin: a little wider than the hedged-capital CS, but one pass and no root finding.
 * An accumulator: feed observations in case order with {@link #add}.
 */
public final class ConfidenceSequence {
    private static final double TRUNCATION = 0.5;

    private final double alpha, logTerm;
    private int t;
    private double sum, sumSqDev, mean = 0.5, variance = 0.25;
    private double sumLambda, sumLambdaX, sumPenalty;
    private double lower = 0, upper = 1;

    public ConfidenceSequence(double alpha) {
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1), got: " + alpha);
        this.alpha = alpha;
        this.logTerm = Math.log(2 / alpha);
    }

    /** Adds the next observation, x in [0, 1]. */
    public void add(double x) {
        if (!(x >= 0 && x <= 1)) throw new IllegalArgumentException("observations must be in [0, 1], got: " + x);
        t++;
        double lambda = Math.min(Math.sqrt(2 * logTerm / (variance * t * Math.log(1 + t))), TRUNCATION);
        double v = 4 * (x - mean) * (x - mean); // mean, variance: the predictable (i − 1) estimates
        sumLambda += lambda;
        sumLambdaX += lambda * x;
        sumPenalty += v * (-Math.log(1 - lambda) - lambda) / 4;
        sum += x;
        mean = (0.5 + sum) / (t + 1);
        sumSqDev += (x - mean) * (x - mean);
        variance = (0.25 + sumSqDev) / (t + 1);
        double centre = sumLambdaX / sumLambda, half = (logTerm + sumPenalty) / sumLambda;
        lower = Math.max(lower, centre - half);
        upper = Math.min(upper, centre + half);
    }

    public int count() { return t; }

    /** Lower end of the running interval (0 before any observation). */
    public double lower() { return lower; }

    /** Upper end of the running interval (1 before any observation). */
    public double upper() { return upper; }

    public double alpha() { return alpha; }
}
