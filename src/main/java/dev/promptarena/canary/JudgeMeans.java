package dev.promptarena.canary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.input.Hashing;
import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The online judge's per-window axis means ({@code score-windows.csv} of a {@code prompt-arena score} folder) as the
 * {@code judge_<axis>_mean} metrics of the treatment, the names {@code canary plan} gives the judge guardrails.
 *
 * <p>A score window is used only for the monitoring window with the same start and end ({@link TreatmentMetrics}).
 * A mean of fewer than {@code minScored} scored traces is left out (the guardrail's streak is unchanged, as for an
 * empty cell): the plan's limit is B's offline mean x (1 - headroom), and a handful of 1-5 scores crosses it by
 * chance too often (docs/statistics.md 13, the judge guardrail's false-pause rate by traces per window).
 */
public final class JudgeMeans {
    public static final String FILE = "score-windows.csv";
    /** Written by {@code prompt-arena score} beside {@link #FILE} (the run layer's OnlineScoring.MANIFEST). */
    static final String MANIFEST = "score-manifest.json";

    /** One axis mean of one score window, with the line it came from. */
    public record Mean(Instant start, Instant end, String metric, int n, Double mean, int line) {}

    private JudgeMeans() {}

    /** The guardrail metric of a rubric axis: "Policy citation" -> judge_policy_citation_mean (as {@code canary plan} names it). */
    public static String metric(String axis) {
        return "judge_" + BaselineLimits.slug(axis) + "_mean";
    }

    /**
     * What makes two scorings' means comparable: the judge (provider, model, decoding, prompt template, structured output)
     * and the rubric, hashed from the score folder's manifest. Null when the folder has no readable manifest.
     */
    public static String instrument(Path scoreDirOrFile) {
        Path dir = Files.isDirectory(scoreDirOrFile) ? scoreDirOrFile : scoreDirOrFile.toAbsolutePath().getParent();
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) return null;
        try {
            JsonNode m = new ObjectMapper().readTree(manifest.toFile());
            if (m.path("judge").isMissingNode() || !m.path("rubricSha256").isTextual()) return null;
            return Hashing.sha256(m.path("judge").toString() + "|" + m.path("rubricSha256").asText());
        } catch (IOException e) {
            throw new InputException(manifest, "cannot read: " + e.getMessage());
        }
    }

    /** A score folder (or its score-windows.csv itself). */
    public static List<Mean> read(Path scoreDirOrFile) {
        Path file = Files.isDirectory(scoreDirOrFile) ? scoreDirOrFile.resolve(FILE) : scoreDirOrFile;
        if (!Files.exists(file)) throw new InputException(scoreDirOrFile, "not a score folder (no " + FILE + "); give the folder `prompt-arena score` wrote");
        List<Mean> out = new ArrayList<>();
        for (InputRows.Row row : InputRows.read(file)) {
            if (!row.fields().containsKey("window_end")) {
                throw row.error("window_end", "missing: written by an older prompt-arena; rewrite the folder with `prompt-arena score ... --resume "
                        + scoreDirOrFile + "` (no call is re-issued)");
            }
            Instant start = row.time("window_start"), end = row.time("window_end");
            if (!end.isAfter(start)) throw row.error("window_end", "must be after window_start " + start);
            int n = (int) row.count("n");
            out.add(new Mean(start, end, metric(row.text("axis")), n, n == 0 ? null : row.number("mean"), row.line()));
        }
        return out;
    }

    /**
     * Adds each usable mean to the treatment's row of the monitoring window with the same bounds ({@link TreatmentMetrics#merge}):
     * a mean of fewer than {@code minScored} scored traces is left out with a note.
     */
    public static TreatmentMetrics.Merged merge(List<Window> windows, List<Mean> means, String treatment, int minScored, Path scoreFile) {
        List<TreatmentMetrics.Value> values = means.stream().map(m -> new TreatmentMetrics.Value(m.start(), m.end(), m.metric(), m.n(), m.mean(), m.line())).toList();
        return TreatmentMetrics.merge(windows, values, treatment, new TreatmentMetrics.Source(scoreFile, "score window", "axis", "scored trace", "scored traces",
                "--min-scored", minScored, "score with --window-hours equal to the monitoring windows' length"));
    }
}
