package dev.promptarena.planning;

import dev.promptarena.analysis.OutcomesFile;
import dev.promptarena.input.InputException;
import dev.promptarena.stats.PilotSummary;
import java.nio.file.Path;
import java.util.List;

/**
 * The SD of per-case differences a paired plan rests on: given with {@code --sd}, or measured on a
 * pilot run (whose numbers the plan records).
 *
 * @param pilot               the pilot run folder, or null when the SD was given
 * @param axis                the pilot axis measured, or null
 * @param pilotCases          the pilot's cases, or null
 * @param pilotMeanDifference the pilot's mean B - A difference, or null
 * @param sd                  SD of the per-case differences
 */
record Differences(String pilot, String axis, Integer pilotCases, Double pilotMeanDifference, double sd) {
    static Differences of(PlanRequest r) {
        if (r.sd() != null) return new Differences(null, null, null, null, r.sd());
        if (r.pilot() == null) throw new IllegalArgumentException("give --pilot RUN_DIR or --sd");
        var outcomes = OutcomesFile.readRunDir(r.pilot());
        List<String> axes = PilotSummary.axes(outcomes);
        Path file = r.pilot().resolve(OutcomesFile.NAME);
        String axis = r.axis();
        if (axis == null && axes.size() != 1) throw new InputException(file, 0, "--axis", "the pilot scores several axes, choose one of " + axes);
        // Axis names are rubric display names ("Policy citation"); match them case-insensitively.
        String chosen = axis == null ? axes.get(0) : axes.stream().filter(axis::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> new InputException(file, 0, "--axis", "no votes score '" + axis + "'; axes in the pilot: " + axes));
        PilotSummary s = PilotSummary.of(outcomes, chosen);
        if (s.sdDifference() == 0) throw new IllegalArgumentException("the pilot's differences on '" + chosen + "' do not vary; give --sd");
        return new Differences(r.pilot().toString(), s.axis(), s.cases(), s.meanDifference(), s.sdDifference());
    }
}
