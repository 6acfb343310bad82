package dev.promptarena.planning;

import dev.promptarena.planning.PlanRequest.Kind;
import dev.promptarena.stats.sequential.Boundaries;
import dev.promptarena.stats.sequential.SequentialDesign;
import dev.promptarena.stats.sequential.Spending;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code plan sequential}: a group-sequential design for the win-rate gate (issue 16) with its
 * boundaries, sizes and expected saving; the numbers are {@link SequentialPlan}'s.
 */
public record SequentialWinRatePlan(Kind kind, double alpha, double power, double winRate, double tieRate, String spending,
                                    String futility, List<Double> fractions, List<Integer> lookCases, List<Double> efficacy,
                                    List<Double> lower, List<Double> futilityBounds, List<Double> alphaSpentOneSided, int fixedCases,
                                    int maxCases, double inflationFactor, double expectedCasesNull, double expectedCasesAlternative,
                                    double savingAlternative, double savingNull) implements Plan {

    static SequentialWinRatePlan of(PlanRequest r) {
        PlanRequest.SequentialOptions o = r.sequential() == null ? new PlanRequest.SequentialOptions("4", Spending.OBRIEN_FLEMING, null) : r.sequential();
        if (r.winRate() == null) throw new IllegalArgumentException("missing --win-rate");
        Spending futility = o.futility();
        SequentialDesign design = new SequentialDesign(fractions(o.looks()), o.spending(), r.alpha(), true,
                futility, 1 - r.power());
        SequentialPlan p = SequentialPlan.of(design, r.winRate(), r.tieRate());
        Boundaries b = p.boundaries();
        // One quantity everywhere, its side in its name: the manifest registers the same one-sided (PASS side)
        // cumulative alpha spent. This table used to print twice it (both sides) under a bare "alpha spent".
        return new SequentialWinRatePlan(r.kind(), r.alpha(), r.power(), r.winRate(), r.tieRate(), design.spending().key(),
                futility == null ? "none" : futility.key(), b.fractions(), p.lookCases(), b.efficacy(), b.lower(), b.futility(), b.alphaSpentOneSided(),
                p.fixedCases(), p.maxCases(), p.inflation(), p.expectedNull(), p.expectedAlt(), p.savingAlt(), p.savingNull());
    }

    @Override
    public List<String> lines() {
        boolean fut = !futilityBounds.isEmpty();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Group-sequential win-rate design: %d looks, %s-type alpha spending, two-sided alpha %.3g (%.3g per side), power %.2f, futility: %s.",
                fractions.size(), spending, alpha, alpha / 2, power, fut ? futility + "-type beta spending (non-binding)" : "none"));
        lines.add(String.format(Locale.ROOT, "Planned for win rate %.3f with tie rate %.2f. Z = (wins - losses) / sqrt(wins + losses) on the judged cases so far.", winRate, tieRate));
        lines.add("  look  fraction  cases  PASS if Z >=  FAIL if Z <=" + (fut ? "  stop (futility) if Z <=" : "") + "  alpha spent (one-sided)");
        for (int k = 0; k < fractions.size(); k++) {
            lines.add(String.format(Locale.ROOT, "  %4d  %8.3f  %5d  %12.3f  %12.3f%s  %23.6f", k + 1, fractions.get(k), lookCases.get(k),
                    efficacy.get(k), lower.get(k), fut ? String.format(Locale.ROOT, "  %23.3f", futilityBounds.get(k)) : "", alphaSpentOneSided.get(k)));
        }
        lines.add(String.format(Locale.ROOT, "  alpha spent (one-sided): the chance, if B and A are equally good, of a PASS by that look (%.3g at the last);"
                + " the FAIL side spends as much again.", alpha / 2));
        lines.add(String.format(Locale.ROOT, "  Maximum %,d judged cases; the fixed design needs %,d (inflation factor %.3f).", maxCases, fixedCases, inflationFactor));
        lines.add(String.format(Locale.ROOT, "  Expected judged cases: %.1f if B is as good as planned (%s), %.1f if B is no better (%s).",
                expectedCasesAlternative, saving(savingAlternative), expectedCasesNull, saving(savingNull)));
        return lines;
    }

    private static String saving(double s) {
        return s >= 0 ? String.format(Locale.ROOT, "%.1f%% fewer than the fixed design", 100 * s)
                : String.format(Locale.ROOT, "%.1f%% more than the fixed design", -100 * s);
    }

    /** "4" -> 0.25, 0.5, 0.75, 1; "0.3,0.6,1" as given. */
    static List<Double> fractions(String spec) {
        String s = spec == null ? "4" : spec.trim();
        if (s.matches("\\d+")) {
            int k = Integer.parseInt(s);
            if (k < 1 || k > 20) throw new IllegalArgumentException("--looks must be 1 to 20 looks, got: " + s);
            List<Double> t = new ArrayList<>();
            for (int i = 1; i <= k; i++) t.add((double) i / k);
            return t;
        }
        List<Double> t = new ArrayList<>();
        for (String part : s.split(",")) {
            try {
                t.add(Double.parseDouble(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--looks must be a count or comma-separated fractions, got: " + spec);
            }
        }
        return t;
    }

}
