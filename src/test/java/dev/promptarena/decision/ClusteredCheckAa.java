package dev.promptarena.decision;

import dev.promptarena.stats.CheckSummary;
import dev.promptarena.stats.DesignEffect;
import dev.promptarena.stats.GuardrailSamples;
import dev.promptarena.stats.McNemar;
import dev.promptarena.stats.OneSidedBounds;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An A/A check with repeats, decided by the real guardrail code: {@code cases} cases, each judged {@code repeats}
 * times; a case's pass probability is uniform on [0, 1] (cases differ a lot), and with probability {@code sticky}
 * a case's outputs are the same on every repeat (temperature 0, or a cached generation), so its repeats agree;
 * otherwise A and B are drawn afresh per repeat. B's pass probability is A's minus {@code drop} (0: A/A).
 */
final class ClusteredCheckAa {
    private ClusteredCheckAa() {}

    /** One run: {whether check_pass_drop_max: 0 breached in harm_proven mode at gamma, whether the unclustered bound would have}. */
    static boolean[] run(int cases, int repeats, double sticky, double drop, double gamma, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] ka = new int[cases], kb = new int[cases], m = new int[cases];
        int passA = 0, passB = 0;
        for (int i = 0; i < cases; i++) {
            double p = rnd.nextDouble();
            boolean same = rnd.nextDouble() < sticky;
            boolean a0 = rnd.nextDouble() < p, b0 = rnd.nextDouble() < p - drop;
            for (int r = 0; r < repeats; r++) {
                boolean a = same ? a0 : rnd.nextDouble() < p, b = same ? b0 : rnd.nextDouble() < p - drop;
                passA += a ? 1 : 0;
                passB += b ? 1 : 0;
                ka[i] += a && !b ? 1 : 0;
                kb[i] += b && !a ? 1 : 0;
                m[i]++;
            }
        }
        int aOnly = sum(ka), bOnly = sum(kb), pairs = cases * repeats;
        double p = McNemar.clusteredP(ka, kb);
        CheckSummary c = new CheckSummary("ok", pairs, passA, passB, aOnly, bOnly, p, p, repeats > 1, DesignEffect.of(ka, kb, m));
        GuardrailResult g = Guardrails.evaluate(List.of(new GuardrailSpec(GuardrailSpec.CHECK_PASS_DROP, 0, "ok")),
                CheckGuardrailsTest.OPS, List.of(c), null, GuardrailSamples.ofAxisDrops(Map.of()), gamma).get(0);
        return new boolean[] {g.breached(), OneSidedBounds.pairedDifferenceLower(aOnly, bOnly, pairs, gamma) > 0};
    }

    /** The sweep in docs/statistics.md §18 (bench/validity.sh): breach rates per share of agreeing repeats and drop. */
    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        System.out.println("| repeats that agree | true drop | runs | breach, design-effect corrected | breach, unclustered Agresti-Min |");
        System.out.println("|---|---|---|---|---|");
        for (double sticky : new double[] {0, 0.5, 1}) {
            for (double drop : new double[] {0, 0.1, 0.2}) {
                int fixed = 0, naive = 0;
                for (long s = 0; s < runs; s++) {
                    boolean[] r = run(100, 3, sticky, drop, 0.025, 50_000 + s);
                    fixed += r[0] ? 1 : 0;
                    naive += r[1] ? 1 : 0;
                }
                System.out.printf(java.util.Locale.ROOT, "| %.0f%% | %.1f | %d | %.1f%% | %.1f%% |%n", 100 * sticky, drop, runs,
                        100.0 * fixed / runs, 100.0 * naive / runs);
            }
        }
    }

    private static int sum(int[] x) {
        int s = 0;
        for (int v : x) s += v;
        return s;
    }
}
