import dev.promptarena.stats.QuantileBootstrap;
import java.util.SplittableRandom;

/**
 * Time of the latency guardrail's case bootstrap (p95(B) − p95(A), 10,000 resamples) at CASES cases, one outcome per
 * case, exponential latencies; three repetitions (the first includes JIT warm-up).
 */
public class GuardrailBootstrap {
    public static void main(String[] args) {
        int k = Integer.parseInt(args[0]);
        double[][] a = new double[k][1], b = new double[k][1];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < k; i++) {
            a[i][0] = -500 * Math.log(1 - r.nextDouble());
            b[i][0] = -500 * Math.log(1 - r.nextDouble());
        }
        for (int rep = 0; rep < 3; rep++) {
            long t = System.nanoTime();
            double[] v = QuantileBootstrap.bounds(a, b, 0.95, 0.025, 1, 10_000);
            System.out.printf("cases=%d resamples=10000: %.2f s (bounds %.1f, %.1f)%n", k, (System.nanoTime() - t) / 1e9, v[0], v[1]);
        }
    }
}
