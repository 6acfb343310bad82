package dev.promptarena.run;

import dev.promptarena.judge.JudgePrompt;
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

    private static String shortSha(String sha) { return sha == null ? "none" : sha.substring(0, Math.min(12, sha.length())); }
}
