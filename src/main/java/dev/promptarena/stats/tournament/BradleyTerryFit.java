package dev.promptarena.stats.tournament;

/**
 * A fitted Bradley–Terry model.
 *
 * @param model         the model that was fitted (variants, reference, tie model)
 * @param scores        log-strength of each variant, the reference's 0
 * @param position      the first slot's advantage h on the log-odds scale (0: no position bias)
 * @param tieParameter  Davidson's θ = log ν, NaN under {@link TieModel#HALF}
 * @param covariance    model-based covariance of the parameter vector (inverse information), null when not converged
 * @param converged     false when no finite maximum exists or Newton failed; the estimates are then not usable
 * @param iterations    Newton iterations used
 * @param logLikelihood log-likelihood at the estimate
 * @param problem       why the fit failed, null when it converged
 */
public record BradleyTerryFit(BradleyTerry model, double[] scores, double position, double tieParameter, double[][] covariance,
                              boolean converged, int iterations, double logLikelihood, String problem) {

    /** Model-based standard error of {@code scores[a] − scores[b]} (games treated as independent; the bootstrap is not). */
    public double differenceStandardError(int a, int b) {
        if (covariance == null) throw new IllegalStateException("the fit did not converge: " + problem);
        int ia = model.scoreIndex(a), ib = model.scoreIndex(b);
        double v = (ia >= 0 ? covariance[ia][ia] : 0) + (ib >= 0 ? covariance[ib][ib] : 0) - (ia >= 0 && ib >= 0 ? 2 * covariance[ia][ib] : 0);
        return Math.sqrt(v);
    }

    /** Model-based standard error of the position term. */
    public double positionStandardError() {
        if (covariance == null) throw new IllegalStateException("the fit did not converge: " + problem);
        int h = model.positionIndex();
        return Math.sqrt(covariance[h][h]);
    }

    /**
     * P(a beats b) with neither holding the first slot (position term 0); a tie counts half, so under Davidson this is
     * P(a wins) + P(tie)/2 = (πₐ + ν√(πₐπ_b)/2) / (πₐ + π_b + ν√(πₐπ_b)).
     */
    public double winProbability(int a, int b) {
        double pa = Math.exp(scores[a]), pb = Math.exp(scores[b]);
        double tie = Double.isNaN(tieParameter) ? 0 : Math.exp(tieParameter) * Math.sqrt(pa * pb);
        return (pa + tie / 2) / (pa + pb + tie);
    }
}
