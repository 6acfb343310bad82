package dev.promptarena.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The family of exploratory checks that may warn in one run (order bias, verbosity, segment reversal): a check
 * warns only when its Holm-adjusted p-value across the checks that could be tested is below alpha, so that under
 * a judge with no bias the chance of any of these warnings is at most alpha.
 *
 * @param alpha    the run's alpha
 * @param adjusted Holm-adjusted p per check, in the order given; null where the check could not be tested
 */
public record ExploratoryFamily(double alpha, List<Double> adjusted) {
    /** @param pValues raw p per check, null where a check does not apply */
    public static ExploratoryFamily of(double alpha, Double... pValues) {
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < pValues.length; i++) if (pValues[i] != null && !Double.isNaN(pValues[i])) present.add(i);
        double[] raw = present.stream().mapToDouble(i -> pValues[i]).toArray();
        double[] adj = raw.length == 0 ? raw : PAdjust.HOLM.adjust(raw);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < pValues.length; i++) out.add(null);
        for (int k = 0; k < present.size(); k++) out.set(present.get(k), adj[k]);
        return new ExploratoryFamily(alpha, java.util.Collections.unmodifiableList(out));
    }

    /** The Holm-adjusted p of check {@code i}, or null. */
    public Double adjusted(int i) { return adjusted.get(i); }

    /** True when check {@code i} was tested and is significant after adjustment. */
    public boolean keeps(int i) { return adjusted.get(i) != null && adjusted.get(i) < alpha; }
}
