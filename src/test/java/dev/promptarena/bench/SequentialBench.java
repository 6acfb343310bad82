package dev.promptarena.bench;

import dev.promptarena.planning.SequentialPlan;
import dev.promptarena.stats.sequential.ConfidenceSequence;
import dev.promptarena.stats.sequential.SequentialDesign;
import dev.promptarena.stats.sequential.SequentialSimulator;
import dev.promptarena.stats.sequential.SequentialSimulator.Judge;
import dev.promptarena.stats.sequential.Spending;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Calls and cost a sequential design saves, per judge personality, by simulation on the statistic
 * (bench/sequential-bench.sh). Each judged case costs 3 calls (A, B, one judge call in a random order).
 * Savings are against the fixed design of the same alpha and power (negative: the sequential run judged more).
 * Usage: {@code SequentialBench RUNS USD_PER_CASE}.
 */
public final class SequentialBench {
    private static final List<Judge> PERSONALITIES = List.of(
            new Judge("A/A fair", 0.4, 0.2, 0), new Judge("A/A position-biased 0.3", 0.4, 0.2, 0.3),
            new Judge("A/A no ties", 0.5, 0, 0), new Judge("B better 0.60", 0.5, 0.2, 0),
            new Judge("B better 0.65", 0.55, 0.2, 0), new Judge("B better 0.70", 0.6, 0.2, 0),
            new Judge("B worse 0.40", 0.3, 0.2, 0));

    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        double usdPerCase = Double.parseDouble(args[1]);
        System.out.printf(Locale.ROOT, "runs per cell: %,d; 3 calls and $%.4f per judged case; designs planned for win rate 0.6, ties 0.2, power 0.8, two-sided alpha 0.05%n", runs, usdPerCase);
        for (Spending spending : Spending.values()) {
            for (Spending futility : new Spending[] {null, Spending.OBRIEN_FLEMING}) {
                SequentialDesign d = SequentialDesign.equallySpaced(4, spending, 0.05, 0.8);
                if (futility != null) d = d.withFutility(futility);
                SequentialPlan p = SequentialPlan.of(d, 0.6, 0.2);
                System.out.printf(Locale.ROOT, "%n%s spending, futility %s: looks at %s cases (fixed design %d); plan: E[n|H0] %.1f, E[n|H1] %.1f%n",
                        spending.key(), futility == null ? "none" : futility.key(), p.lookCases(), p.fixedCases(), p.expectedNull(), p.expectedAlt());
                System.out.println("  personality                 win rate  PASS    FAIL    futility  naive-peek PASS  mean cases  calls  saved vs fixed design (calls, $)");
                for (Judge j : PERSONALITIES) {
                    var s = SequentialSimulator.simulate(p.boundaries(), p.lookCases(), j, 0.05, runs, 16);
                    double calls = 3 * s.meanCases(), saved = 3 * (p.fixedCases() - s.meanCases());
                    System.out.printf(Locale.ROOT, "  %-27s %.3f     %.4f  %.4f  %.4f    %.4f           %7.1f     %5.0f  %5.0f (%5.1f%%) $%.2f%n", j.name(), j.winRate(),
                            s.passRate(), (double) s.fail() / runs, (double) s.futility() / runs, s.naivePassRate(), s.meanCases(), calls, saved,
                            100 * saved / (3.0 * p.fixedCases()), saved / 3 * usdPerCase);
                }
            }
        }
        anytime(runs, 158);
    }

    /** method: anytime — the confidence sequence checked after every case, capped at the same maximum. */
    private static void anytime(int runs, int max) {
        System.out.printf(Locale.ROOT, "%nanytime (PrPl-EB confidence sequence, alpha 0.05), checked after every case, at most %d cases%n", max);
        System.out.println("  personality                 PASS    FAIL    mean cases");
        for (Judge j : PERSONALITIES) {
            SplittableRandom rnd = new SplittableRandom(17);
            int pass = 0, fail = 0;
            long cases = 0;
            for (int r = 0; r < runs; r++) {
                ConfidenceSequence cs = new ConfidenceSequence(0.05);
                int n = 0;
                while (n < max && cs.lower() <= 0.5 && cs.upper() >= 0.5) {
                    cs.add(SequentialSimulator.score(j, rnd));
                    n++;
                }
                if (cs.lower() > 0.5) pass++;
                else if (cs.upper() < 0.5) fail++;
                cases += n;
            }
            System.out.printf(Locale.ROOT, "  %-27s %.4f  %.4f  %7.1f%n", j.name(), (double) pass / runs, (double) fail / runs, (double) cases / runs);
        }
    }
}
