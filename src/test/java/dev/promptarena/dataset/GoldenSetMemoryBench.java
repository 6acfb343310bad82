package dev.promptarena.dataset;

import dev.promptarena.input.IdIndex;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a run's golden set holds for its whole calls phase: loads a JSONL golden set, indexes its ids twice as the
 * case order and the judge's presentation plan do ({@link IdIndex}), and prints the heap held after a full GC, per case,
 * and the time of 1,000,000 lookups. Not a test: {@code java -cp target/classes:target/test-classes:<dependencies>
 * dev.promptarena.dataset.GoldenSetMemoryBench cases.jsonl} (bench/README.md, "Memory, fourth step").
 */
public final class GoldenSetMemoryBench {
    private GoldenSetMemoryBench() {}

    public static void main(String[] args) throws InterruptedException {
        long before = usedHeap();
        GoldenSet set = new DatasetLoader().load(Path.of(args[0]));
        long loaded = usedHeap() - before;
        IdIndex order = new IdIndex(set.ids());
        IdIndex plan = new IdIndex(set.ids());
        long held = usedHeap() - before;
        int n = set.size();
        long t0 = System.nanoTime();
        long sum = 0;
        for (int i = 0; i < 1_000_000; i++) sum += order.of(set.id((int) ((i * 7919L) % n)));
        long lookupNs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "cases=%d golden_set_mb=%.1f (%.1f B a case) with_two_id_indexes_mb=%.1f (%.1f B a case) lookup_ns=%d%s%n",
                n, loaded / 1e6, (double) loaded / n, held / 1e6, (double) held / n, lookupNs, sum < 0 || plan.size() < 0 ? "!" : "");
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) { System.gc(); Thread.sleep(50); }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
