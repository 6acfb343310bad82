/**
 * What a thread pays for its memory after sleeping, on this machine: the same small allocating task (200 string
 * builds, ~40 kB of garbage) timed right after {@code Thread.sleep(ms)} for several sleeps, against the same task run
 * back to back. On a VM, a thread that sleeps through a provider's latency wakes with its address translations and
 * cache lines evicted by whatever ran meanwhile; run it with and without {@code -XX:+UseTransparentHugePages}
 * (bench/wake-penalty.sh does both) to see how much of that 2 MB pages take away.
 *
 * {@code java bench/WakePenalty.java [REPEATS]} prints one line per sleep: mean and max milliseconds of the task.
 */
public class WakePenalty {
    private static long sink;

    private static void task() {
        for (int i = 0; i < 200; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < 20; j++) sb.append("abc").append(j);
            sink += sb.toString().hashCode();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        for (int i = 0; i < 2_000; i++) task(); // compiled before anything is timed
        for (long sleepMs : new long[] {0, 5, 20, 50, 200, 500}) {
            double sum = 0, max = 0;
            for (int r = 0; r < repeats; r++) {
                if (sleepMs > 0) Thread.sleep(sleepMs);
                long t = System.nanoTime();
                task();
                double ms = (System.nanoTime() - t) / 1e6;
                sum += ms;
                max = Math.max(max, ms);
            }
            System.out.printf("sleep_ms=%d task_ms_mean=%.3f task_ms_max=%.3f%n", sleepMs, sum / repeats, max);
        }
        if (sink == 42) System.out.println(); // keeps the task's work observable
    }
}
