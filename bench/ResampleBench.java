package dev.promptarena.stats;

import java.lang.management.ManagementFactory;
import java.util.Random;

/** bench/resample-bench.sh: CPU ns a draw of Resampling's layouts (package-private, hence this package), round 1 after a warm-up. */
public class ResampleBench {
    public static void main(String[] a) {
        int k = Integer.parseInt(a[0]), b = Integer.parseInt(a[1]);
        Random r = new Random(1);
        double[][] axes = new double[3][k], ones = new double[3][k], win = new double[1][k], one = new double[1][k];
        for (int s = 0; s < 3; s++) for (int j = 0; j < k; j++) { axes[s][j] = r.nextInt(9) - 4; ones[s][j] = 1; }
        for (int j = 0; j < k; j++) { win[0][j] = r.nextInt(3) / 2.0; one[0][j] = 1; }
        var bean = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 2; round++) {
            for (String what : new String[] {"win", "axes"}) {
                double[][] n = what.equals("win") ? win : axes, d = what.equals("win") ? one : ones;
                for (Resampling.Layout layout : new Resampling.Layout[] {Resampling.Layout.COLUMNS, Resampling.Layout.HALVES}) {
                    long c0 = bean.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                    Resampling.resample(7, b, n, d, layout, b);
                    long c1 = bean.getCurrentThreadCpuTime(), w1 = System.nanoTime();
                    SplitMixDraws skip = new SplitMixDraws(7);
                    skip.skip((long) k * b, k);
                    long c2 = bean.getCurrentThreadCpuTime();
                    System.out.printf("round %d k=%d %s %s: %.2f ns CPU a draw (wall %.2f); skip %.2f ns a draw%n", round, k, what, layout,
                            (c1 - c0) / (double) k / b, (w1 - w0) / (double) k / b, (c2 - c1) / (double) k / b);
                }
            }
        }
    }
}
