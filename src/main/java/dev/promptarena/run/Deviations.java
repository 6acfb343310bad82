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
        } else if (recorded < planned) {
            out.add(new Deviation(Deviation.Kind.INCOMPLETE, "only " + recorded + " of " + planned + " planned cases were recorded"));
        }
        if (m.designChanges() != null) m.designChanges().forEach(c -> out.add(new Deviation(Deviation.Kind.DESIGN_CHANGED, c)));
        return out;
    }
}
