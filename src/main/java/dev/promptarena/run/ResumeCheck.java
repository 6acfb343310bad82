package dev.promptarena.run;

import dev.promptarena.dataset.EarlierCaseIds;
import dev.promptarena.input.InputException;
import dev.promptarena.input.ReadErrors;
import dev.promptarena.judge.JudgePrompt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What changed in a run's inputs since it started. A resume that silently took a cut golden set,
 * edited questions, another rubric or judge template (or a dataset path that an unset variable
 * redirected) would mix two experiments in one result and pay for calls of the wrong one; the
 * manifest's hashes are the pre-registered inputs, and resume compares against them.
 */
public final class ResumeCheck {
    private ResumeCheck() {}

    /** One line per changed input, empty when the run may be resumed as is. */
    public static List<String> changes(Manifest m, ArenaInputs now) {
        List<String> out = new ArrayList<>();
        String configFile = now.config().file().toAbsolutePath().normalize().toString();
        if (!Objects.equals(m.configSha256(), now.config().sha256())) {
            out.add("config " + configFile + ": content changed (sha256 " + shortSha(m.configSha256()) + " -> " + shortSha(now.config().sha256()) + ")");
        }
        if (!Objects.equals(m.datasetFile(), now.config().dataset().toString())) {
            out.add("dataset path: " + m.datasetFile() + " -> " + now.config().dataset());
        } else if (!Objects.equals(m.datasetSha256(), now.datasetSha256())) {
            out.add("dataset " + now.config().dataset() + ": content changed (sha256 " + shortSha(m.datasetSha256()) + " -> "
                    + shortSha(now.datasetSha256()) + "; " + now.cases().size() + " cases now)");
        }
        if (!Objects.equals(m.rubricFile(), now.config().rubric().toString())) {
            out.add("rubric path: " + m.rubricFile() + " -> " + now.config().rubric());
        } else if (!Objects.equals(m.rubricSha256(), now.rubric().sha256())) {
            out.add("rubric " + now.config().rubric() + ": content changed (sha256 " + shortSha(m.rubricSha256()) + " -> "
                    + shortSha(now.rubric().sha256()) + ")");
        }
        if (m.judgeTemplateSha256() != null && !now.config().judges().isEmpty()) {
            Path template = now.config().judges().get(0).template();
            String sha = new JudgePrompt(now.rubric(), template).templateSha256();
            if (!m.judgeTemplateSha256().equals(sha)) {
                out.add("judge template " + (template == null ? "(built-in)" : template) + ": content changed (sha256 "
                        + shortSha(m.judgeTemplateSha256()) + " -> " + shortSha(sha) + ")");
            }
        }
        return out;
    }

    /** How many renamed cases a refusal lists before it says how many more. */
    private static final int LISTED = 5;

    /**
     * Why a run started before case ids kept what the user wrote ({@link Manifest#caseIds()} absent) cannot be resumed:
     * one line per golden case whose id the earlier rule read differently ({@code file:line: id: ...}), then what to do;
     * empty when it may be. The judge's presentation order is drawn from (seed, case id, repeat) and balanced over all
     * of a stratum's ids, so a renamed id sends other judge requests than the ones the journal holds: they would be paid
     * again, and the report would mix two orders. A shard's cases and a sequential design's order are drawn from the ids
     * too. The journal records requests, not case ids, so the ids are taken from the cases the folder recorded
     * ({@link RecordedCaseIds}): the versions between the id rule (e679cbd) and the manifest's marker ran under today's
     * ids without saying so, and their folders resume when a renamed case is recorded under its id as read now and none
     * under its earlier one. A folder that recorded no renamed case cannot tell, and is refused as before.
     *
     * @param currentIds the golden set's ids as read now (an earlier id that is one of them cannot tell the rules apart)
     * @param runDir     the folder being resumed
     */
    public static List<String> caseIdRule(Manifest m, Path dataset, List<String> currentIds, Path runDir) {
        if (Manifest.CASE_IDS_AS_WRITTEN.equals(m.caseIds())) return List.of();
        List<EarlierCaseIds.Renamed> renamed;
        try {
            renamed = EarlierCaseIds.renamed(dataset);
        } catch (IOException e) {
            throw ReadErrors.of(dataset, e);
        }
        if (renamed.isEmpty()) return List.of();
        CaseIdEvidence evidence;
        try {
            evidence = CaseIdEvidence.of(renamed, currentIds, runDir);
        } catch (IOException e) {
            throw ReadErrors.of(runDir, e);
        }
        if (evidence.underCurrentIds()) return List.of();
        List<String> out = new ArrayList<>();
        out.add("the run started before case ids kept what the user wrote, and " + renamed.size() + " of the golden set's ids read"
                + " differently now:");
        for (EarlierCaseIds.Renamed r : renamed.subList(0, Math.min(LISTED, renamed.size()))) {
            out.add(new InputException(dataset, r.line(), "id", "was '" + r.before() + "', is now '" + r.now() + "'").describe());
        }
        if (renamed.size() > LISTED) out.add("... and " + (renamed.size() - LISTED) + " more");
        out.add(evidence.earlier() > 0
                ? "The folder's cases record " + evidence.earlier() + " of them under the earlier id: the run started under the earlier rule."
                : "The folder records none of these cases, so which rule the run started under cannot be told from it.");
        out.add("The judge's A/B presentation order (and a shard's cases, a sequential design's order) is drawn from the case"
                + " ids: resumed under the new ids, judge calls the run already paid for would be sent and paid again.");
        out.add("Finish the run with the version that started it, or start a new run.");
        return out;
    }

    private static String shortSha(String sha) { return sha == null ? "none" : sha.substring(0, Math.min(12, sha.length())); }
}
