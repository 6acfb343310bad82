package dev.promptarena.cli;

import dev.promptarena.planning.Boundaries;
import dev.promptarena.planning.SequentialDesign;
import dev.promptarena.planning.SequentialPlan;
import dev.promptarena.planning.Spending;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options and output of {@code plan sequential}: a group-sequential design for the win-rate gate. */
final class PlanSequential {
    /** Futility stopping: none, or non-binding by a beta-spending function. */
    enum Futility { none, obrien_fleming, pocock }

    @Option(names = "--looks", defaultValue = "4", description = "sequential: number of equally spaced looks, or the fractions, e.g. 0.25,0.5,0.75,1 (default: ${DEFAULT-VALUE}).")
    String looks;

    @Option(names = "--spending", defaultValue = "obrien_fleming", description = "sequential: alpha spending, obrien_fleming or pocock (Lan-DeMets; default: ${DEFAULT-VALUE}).")
    String spending;

    @Option(names = "--futility", defaultValue = "none", description = "sequential: non-binding futility by beta spending: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Futility futility;

    List<String> plan(Map<String, Object> out, double winRate, double tieRate, double alpha, double power) {
        SequentialDesign design = new SequentialDesign(fractions(looks), spendingNamed(spending, "--spending"), alpha, true,
                futility == Futility.none ? null : spendingNamed(futility.name(), "--futility"), 1 - power);
        SequentialPlan p = SequentialPlan.of(design, winRate, tieRate);
        Boundaries b = p.boundaries();
        out.put("winRate", winRate);
        out.put("tieRate", tieRate);
        out.put("spending", design.spending().key());
        out.put("futility", futility.name());
        out.put("fractions", b.fractions());
        out.put("lookCases", p.lookCases());
        out.put("efficacy", b.efficacy());
        out.put("lower", b.lower());
        out.put("futilityBounds", b.futility());
        out.put("alphaSpent", b.alphaSpent());
        out.put("fixedCases", p.fixedCases());
        out.put("maxCases", p.maxCases());
        out.put("inflationFactor", p.inflation());
        out.put("expectedCasesNull", p.expectedNull());
        out.put("expectedCasesAlternative", p.expectedAlt());
        out.put("savingAlternative", p.savingAlt());
        out.put("savingNull", p.savingNull());
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Group-sequential win-rate design: %d looks, %s-type alpha spending, two-sided alpha %.3g, power %.2f, futility: %s.",
                b.looks(), design.spending().key(), alpha, power, futility == Futility.none ? "none" : futility.name() + "-type beta spending (non-binding)"));
        lines.add(String.format(Locale.ROOT, "Planned for win rate %.3f with tie rate %.2f. Z = (wins - losses) / sqrt(wins + losses) on the judged cases so far.", winRate, tieRate));
        lines.add("  look  fraction  cases  PASS if Z >=  FAIL if Z <=" + (b.hasFutility() ? "  stop (futility) if Z <=" : "") + "  alpha spent");
        for (int k = 0; k < b.looks(); k++) {
            lines.add(String.format(Locale.ROOT, "  %4d  %8.3f  %5d  %12.3f  %12.3f%s  %11.5f", k + 1, b.fractions().get(k), p.lookCases().get(k),
                    b.efficacy().get(k), b.lower().get(k), b.hasFutility() ? String.format(Locale.ROOT, "  %23.3f", b.futility().get(k)) : "",
                    2 * b.alphaSpent().get(k)));
        }
        lines.add(String.format(Locale.ROOT, "  Maximum %,d judged cases; the fixed design needs %,d (inflation factor %.3f).", p.maxCases(), p.fixedCases(), p.inflation()));
        lines.add(String.format(Locale.ROOT, "  Expected judged cases: %.1f if B is as good as planned (%s), %.1f if B is no better (%s).",
                p.expectedAlt(), saving(p.savingAlt()), p.expectedNull(), saving(p.savingNull())));
        return lines;
    }

    private static String saving(double s) {
        return s >= 0 ? String.format(Locale.ROOT, "%.1f%% fewer than the fixed design", 100 * s) : String.format(Locale.ROOT, "%.1f%% more than the fixed design", -100 * s);
    }

    /** "4" -> 0.25, 0.5, 0.75, 1; "0.3,0.6,1" as given. */
    static List<Double> fractions(String spec) {
        String s = spec.trim();
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

    static Spending spendingNamed(String name, String option) {
        for (Spending s : Spending.values()) if (s.key().equals(name.trim().toLowerCase(Locale.ROOT))) return s;
        throw new IllegalArgumentException(option + " must be obrien_fleming or pocock, got: " + name);
    }

}
