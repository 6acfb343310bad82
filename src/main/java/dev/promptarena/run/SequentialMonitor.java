package dev.promptarena.run;

import dev.promptarena.analysis.SequentialAnalysis;
import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.decision.SequentialRegistration;
import dev.promptarena.decision.SequentialReplay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The run's sequential monitor (issue 16): as cases finish it replays the registered design on the completed
 * prefix of the case order and, at the first crossing, stops the run through the same path as Ctrl-C (no new
 * case, no queued call; calls in flight finish and are journaled). Because it looks only at the prefix, the
 * stop position depends on the outcomes and never on which call happened to finish first, so a resumed run,
 * a warm-cache rerun and {@code report} reach the same stop.
 */
final class SequentialMonitor {
    private final DecisionPolicy policy;
    private final SequentialRegistration registration;
    private final CaseOrder order;
    private final Runnable stop;
    private final Map<Long, Double> pending = new HashMap<>();
    private final List<Double> prefix = new ArrayList<>();
    private volatile boolean stopped;

    SequentialMonitor(DecisionPolicy policy, SequentialRegistration registration, CaseOrder order, Runnable stop) {
        this.policy = policy;
        this.registration = registration;
        this.order = order;
        this.stop = stop;
    }

    /**
     * The golden cases in a random order seeded by {@code seed}, so the cases judged at an early look are a
     * random sample of the set (not its first segments). java.util.Random's algorithm is fixed by its
     * specification, so the order is the same on every JVM.
     */
    static ArenaInputs inOrder(ArenaInputs in, long seed) {
        // A shuffled view (4 bytes a case), the same order as Collections.shuffle on a copy of the cases.
        return new ArenaInputs(in.config(), in.rubric(), in.golden().shuffled(new Random(seed)), in.datasetSha256(), in.recorded());
    }

    /** Called as each case finishes, before the runner may start the next one (see ArenaRunner). */
    synchronized void caseDone(CaseRecord r) {
        long position = order.position(r);
        if (stopped || position < prefix.size()) return;
        pending.put(position, SequentialAnalysis.scores(List.of(r.outcome())).get(0));
        int before = prefix.size();
        while (pending.containsKey((long) prefix.size())) prefix.add(pending.remove((long) prefix.size()));
        if (prefix.size() == before) return;
        SequentialReplay replay = SequentialAnalysis.replay(policy, registration, prefix);
        if (replay.stopped() && replay.stopAt() < registration.plannedCases()) {
            stopped = true;
            stop.run();
        }
    }

    /** True once the design stopped the run before its last case. */
    boolean stopped() { return stopped; }
}
