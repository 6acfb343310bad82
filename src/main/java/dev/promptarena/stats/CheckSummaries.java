package dev.promptarena.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes a {@link CheckSummary} for every rubric check found on the outcomes. */
public final class CheckSummaries {
    private CheckSummaries() {}

    /**
     * One summary per check name, in order of first appearance. A pair counts only when neither side
     * failed to generate (errors have their own guardrail, and an empty output would fail most checks
     * for a reason that is not the prompt's) and the check applied to both sides. When some case
     * appears more than once (repeats), the clustered test replaces the exact one.
     */
    public static List<CheckSummary> summarize(List<CaseOutcome> outcomes) {
        Set<String> names = new LinkedHashSet<>();
        for (CaseOutcome o : outcomes) {
            names.addAll(o.a().checks().keySet());
            names.addAll(o.b().checks().keySet());
        }
        List<CheckSummary> out = new ArrayList<>();
        for (String name : names) out.add(summarize(name, outcomes));
        return out;
    }

    /** The summary for one check. */
    public static CheckSummary summarize(String name, List<CaseOutcome> outcomes) {
        int pairs = 0, passA = 0, passB = 0, aOnly = 0, bOnly = 0;
        // Per case: [aOnly, bOnly, pairs] so repeats can be treated as clusters.
        Map<String, int[]> perCase = new LinkedHashMap<>();
        for (CaseOutcome o : outcomes) {
            if (o.a().error() || o.b().error()) continue;
            Boolean a = o.a().checks().get(name);
            Boolean b = o.b().checks().get(name);
            if (a == null || b == null) continue;
            int[] c = perCase.computeIfAbsent(o.caseId(), k -> new int[3]);
            pairs++;
            c[2]++;
            if (a) passA++;
            if (b) passB++;
            if (a && !b) { aOnly++; c[0]++; }
            if (b && !a) { bOnly++; c[1]++; }
        }
        boolean clustered = perCase.values().stream().anyMatch(c -> c[2] > 1);
        if (clustered) {
            int[] ka = perCase.values().stream().mapToInt(c -> c[0]).toArray();
            int[] kb = perCase.values().stream().mapToInt(c -> c[1]).toArray();
            int[] m = perCase.values().stream().mapToInt(c -> c[2]).toArray();
            double p = McNemar.clusteredP(ka, kb);
            return new CheckSummary(name, pairs, passA, passB, aOnly, bOnly, p, p, true, DesignEffect.of(ka, kb, m));
        }
        return new CheckSummary(name, pairs, passA, passB, aOnly, bOnly, McNemar.exactP(aOnly, bOnly), McNemar.midP(aOnly, bOnly), false);
    }
}
