package dev.promptarena.run;

import dev.promptarena.dataset.EarlierCaseIds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which case-id rule a run folder without the manifest's marker ran under, from the ids its cases recorded: of the
 * golden cases whose id the earlier rule read differently, how many the folder recorded under the id as read now, and
 * how many under the earlier one. An earlier id that is also some case's id now (a golden set holding both {@code 1e3}
 * and {@code "1000.0"}, which the earlier rule refused as duplicates) tells nothing and is not counted.
 *
 * @param current distinct renamed cases recorded under their id as read now
 * @param earlier distinct renamed cases recorded under their earlier id
 */
record CaseIdEvidence(int current, int earlier) {
    /** The folder recorded renamed cases, every one under its id as read now: it ran under today's rule. */
    boolean underCurrentIds() { return current > 0 && earlier == 0; }

    static CaseIdEvidence of(List<EarlierCaseIds.Renamed> renamed, List<String> currentIds, Path runDir) throws IOException {
        Set<String> now = new HashSet<>();
        Set<String> before = new HashSet<>();
        for (EarlierCaseIds.Renamed r : renamed) {
            now.add(r.now());
            before.add(r.before());
        }
        currentIds.forEach(before::remove);
        Set<String> seenNow = new HashSet<>();
        Set<String> seenBefore = new HashSet<>();
        RecordedCaseIds.forEach(runDir, id -> {
            if (now.contains(id)) seenNow.add(id);
            else if (before.contains(id)) seenBefore.add(id);
        });
        return new CaseIdEvidence(seenNow.size(), seenBefore.size());
    }
}
