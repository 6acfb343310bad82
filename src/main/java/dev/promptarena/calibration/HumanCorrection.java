package dev.promptarena.calibration;

import dev.promptarena.input.InputException;
import dev.promptarena.stats.ActivePpi;
import dev.promptarena.stats.CorrectedWinRate;
import dev.promptarena.stats.PredictionPowered;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The human-corrected win rate of a run from human labels: with a label sheet from {@code label} (known
 * sampling probabilities) the inverse-probability-weighted PPI++ ({@link ActivePpi}); with a plain
 * {@code case_id,label} file, whose cases are assumed to be a random subset, PPI++ ({@link PredictionPowered}).
 * Several labels of one case are averaged into its human score.
 */
public final class HumanCorrection {
    private HumanCorrection() {}

    /**
     * The result and the per-case human scores it used (NaN where unlabelled), in {@link JudgedCases} order.
     */
    public record Result(CorrectedWinRate winRate, double[] human) {}

    public static Result fromSheet(Path file, JudgedCases judged, List<SheetLabel> labels, double alpha) {
        Map<String, Integer> index = index(judged);
        double[] sum = new double[judged.size()], pi = new double[judged.size()];
        int[] count = new int[judged.size()];
        java.util.Arrays.fill(pi, 1);
        for (SheetLabel l : labels) {
            Integer i = index.get(l.caseId());
            if (i == null) throw new InputException(file, l.line(), "case_id", "case '" + l.caseId() + "' has no scored verdict in this run");
            if (count[i] > 0 && pi[i] != l.probability()) {
                throw new InputException(file, l.line(), "probability", "differs from an earlier row of case '" + l.caseId() + "'");
            }
            pi[i] = l.probability();
            sum[i] += l.score();
            count[i]++;
        }
        double[] y = average(sum, count);
        boolean[] labelled = new boolean[y.length];
        for (int i = 0; i < y.length; i++) labelled[i] = count[i] > 0;
        needTwo(file, labelled, List.of(), judged);
        return new Result(ActivePpi.estimate(judged.score(), y, pi, labelled, alpha), y);
    }

    public static Result fromLabels(Path file, JudgedCases judged, List<HumanLabel> labels, double alpha) {
        Map<String, Integer> index = index(judged);
        double[] sum = new double[judged.size()];
        int[] count = new int[judged.size()];
        List<String> unknown = new ArrayList<>();
        for (HumanLabel l : labels) {
            Integer i = index.get(l.caseId());
            if (i == null) { // calibrate lists labels of unknown cases; they carry no information here
                if (!unknown.contains(l.caseId())) unknown.add(l.caseId());
                continue;
            }
            sum[i] += switch (l.label()) { case "B" -> 1.0; case "A" -> 0.0; default -> 0.5; };
            count[i]++;
        }
        double[] y = average(sum, count);
        List<Double> ys = new ArrayList<>(), yhat = new ArrayList<>(), rest = new ArrayList<>();
        boolean[] labelled = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            labelled[i] = count[i] > 0;
            if (labelled[i]) { ys.add(y[i]); yhat.add(judged.score()[i]); }
            else rest.add(judged.score()[i]);
        }
        needTwo(file, labelled, unknown, judged);
        return new Result(PredictionPowered.estimate(unbox(ys), unbox(yhat), unbox(rest), alpha), y);
    }

    /** Too few labels to correct anything: said with the ids that matched no judged case, which is usually why (a typo, another run). */
    private static void needTwo(Path file, boolean[] labelled, List<String> unknown, JudgedCases judged) {
        int n = 0;
        for (boolean b : labelled) if (b) n++;
        if (n >= 2) return;
        String why = unknown.isEmpty() ? "" : "; " + unknown.size() + " labelled case id(s) match no judged case of the run: '"
                + String.join("', '", unknown.subList(0, Math.min(3, unknown.size()))) + "'" + (unknown.size() > 3 ? ", ..." : "")
                + (judged.size() == 0 ? "" : " (its case ids look like '" + judged.ids().get(0) + "')");
        throw new InputException(file, "the human-corrected win rate needs labels on at least 2 judged cases of the run, got " + n + why);
    }

    private static Map<String, Integer> index(JudgedCases judged) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < judged.size(); i++) index.put(judged.ids().get(i), i);
        return index;
    }

    private static double[] average(double[] sum, int[] count) {
        double[] y = new double[sum.length];
        for (int i = 0; i < y.length; i++) y[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
        return y;
    }

    private static double[] unbox(List<Double> xs) { return xs.stream().mapToDouble(Double::doubleValue).toArray(); }
}
