package dev.promptarena.run;

import dev.promptarena.decision.Deviation;
import java.util.ArrayList;
import java.util.List;

/**
 * The departures of a run from its pre-registered design, read from what its folder records, so that {@code run},
 * its interim reports and a later {@code report} all reach the same decision.
 */
public final class Deviations {
    private Deviations() {}

    /**
     * @param m        the run's manifest
     * @param recorded the (case, repeat) outcomes recorded
     */
    public static List<Deviation> of(Manifest m, int recorded) {
        List<Deviation> out = new ArrayList<>();
        int planned = m.cases() * Math.max(1, m.repeats());
        if (m.partialReason() != null && m.finishedAt() == null) {
            out.add(new Deviation(Deviation.Kind.INTERIM, m.partialReason()));
        } else if (m.partialReason() != null) {
            out.add(new Deviation(Deviation.Kind.INCOMPLETE, m.partialReason()));
        } else if (m.finishedAt() == null) {
            out.add(new Deviation(Deviation.Kind.INCOMPLETE, "the run never finished (killed or crashed) after " + recorded + " of "
                    + planned + " cases"));
        } else if (recorded < planned && m.sequential() == null) {
            // Under a registered sequential design fewer cases at a normal end is the design's own stop (SequentialGate decides).
            out.add(new Deviation(Deviation.Kind.INCOMPLETE, "only " + recorded + " of " + planned + " planned cases were recorded"));
        }
        Shard shard = Shard.fromArgs(m.args());
        if (shard != null && out.isEmpty()) {
            // A shard holds a hash-chosen part of the cases: its gate is not the run's, so it must not say PASS or FAIL
            // (merge writes a manifest without --shard and decides on every case).
            out.add(new Deviation(Deviation.Kind.SHARD, "shard " + shard.label() + " holds part of the cases and decides nothing; merge shards 1.."
                    + shard.count() + " (prompt-arena merge) to decide"));
        }
        if (m.designChanges() != null) m.designChanges().forEach(c -> out.add(new Deviation(Deviation.Kind.DESIGN_CHANGED, c)));
        return out;
    }
}
