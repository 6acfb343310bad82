package dev.promptarena.run;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.ConfigLoader;
import dev.promptarena.dataset.DatasetLoader;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.dataset.GoldenSet;
import dev.promptarena.dataset.UserTemplate;
import dev.promptarena.input.InputException;
import dev.promptarena.recorded.Recorded;
import dev.promptarena.recorded.RecordedResponses;
import dev.promptarena.recorded.RecordedResponsesLoader;
import dev.promptarena.rubric.Rubric;
import dev.promptarena.rubric.RubricLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The validated inputs of a run: config, rubric and golden set, with every template field
 * checked against every case, and recorded outputs checked against the golden set, before any
 * call is made.
 *
 * @param recorded outputs read from files instead of generated ({@link Recorded#NONE} when none)
 */
public record ArenaInputs(ArenaConfig config, Rubric rubric, List<GoldenCase> cases, String datasetSha256, Recorded recorded) {
    public ArenaInputs {
        // A golden set read from a file stays there (read back case by case, not copied into memory).
        cases = GoldenSet.of(cases);
        recorded = recorded == null ? Recorded.NONE : recorded;
    }

    public ArenaInputs(ArenaConfig config, Rubric rubric, List<GoldenCase> cases, String datasetSha256) {
        this(config, rubric, cases, datasetSha256, Recorded.NONE);
    }

    public static ArenaInputs load(Path configFile, Map<String, String> env) { return load(configFile, env, false); }

    /** @param recordedOutputs both variants' outputs will come from {@code run --responses}: variants need no provider */
    public static ArenaInputs load(Path configFile, Map<String, String> env, boolean recordedOutputs) {
        ArenaConfig config = new ConfigLoader(env, recordedOutputs).load(configFile);
        Rubric rubric = new RubricLoader().load(config.rubric());
        checkJudge(config, rubric);
        // Every template field against every case, in the loader's own pass over the file (TemplateChecks).
        TemplateChecks templates = new TemplateChecks(config);
        GoldenSet cases = new DatasetLoader().load(config.dataset(), templates);
        BalanceTag.check(config, cases);
        templates.throwFirst();
        Recorded recorded = new Recorded(recorded(config.a().responses(), "A", cases, config), recorded(config.b().responses(), "B", cases, config));
        // The hash of the bytes the loader read (not a second read, which could see another version of the file).
        return new ArenaInputs(config, rubric, cases, cases.sha256(), recorded);
    }

    /** The cases as a golden set: ids and tags without reading the cases, views for limits, shards and orders. */
    public GoldenSet golden() { return (GoldenSet) cases; }

    /** Everything valid but likely a mistake, for validate and run to print: the config's, then the golden set's. */
    public List<String> warnings() {
        List<String> out = new java.util.ArrayList<>(config.warnings());
        out.addAll(datasetWarnings());
        return out;
    }

    /** Warnings about the golden set that do not stop a run (fields that look like tags but are not). */
    public List<String> datasetWarnings() {
        java.util.Set<String> used = new java.util.HashSet<>(new UserTemplate(config.a().userTemplate()).fields());
        used.addAll(new UserTemplate(config.b().userTemplate()).fields());
        return dev.promptarena.dataset.TagLikeFields.warnings(config.dataset(), cases, used);
    }

    /** These inputs with both variants read from one combined file ({@code run --responses}), validated now. */
    public ArenaInputs withCombinedResponses(Path file) {
        return new ArenaInputs(config, rubric, cases, datasetSha256, RecordedResponsesLoader.combined(file, cases, config.dataset()));
    }

    /** The first {@code limit} cases (all when limit is null). */
    public ArenaInputs limitedTo(Integer limit) {
        if (limit == null || limit >= cases.size()) return this;
        return new ArenaInputs(config, rubric, golden().first(limit), datasetSha256, recorded);
    }

    /** Only the cases whose id passes {@code keep}, in golden-set order (a shard of the run). */
    public ArenaInputs onlyCases(java.util.function.Predicate<String> keep) {
        return new ArenaInputs(config, rubric, golden().filter(keep), datasetSha256, recorded);
    }

    private static RecordedResponses recorded(Path file, String slot, List<GoldenCase> cases, ArenaConfig config) {
        return file == null ? null : RecordedResponsesLoader.variant(file, slot, cases, config.dataset());
    }

    /**
     * Axes need an LLM judge to score them; the reference judge needs checks to compare. A checks-only
     * rubric without {@code judge:} gets the reference judge.
     */
    private static void checkJudge(ArenaConfig config, Rubric rubric) {
        if (config.judge() == null && config.reference() == null && rubric.hasAxes()) {
            throw new InputException(config.file(), 0, "judge", "required key is missing: the rubric " + config.rubric()
                    + " has axes, which an LLM judge scores (only a checks-only rubric can do without one)");
        }
        if (config.reference() != null && rubric.hasAxes()) {
            throw new InputException(config.file(), 0, "judge.type", "the reference judge scores checks only, but the rubric "
                    + config.rubric() + " has axes (" + String.join(", ", rubric.axisNames()) + "): use a checks-only rubric or an LLM judge");
        }
        if (config.reference() != null && rubric.checks().isEmpty()) {
            throw new InputException(config.file(), 0, "judge.type", "the reference judge compares rubric checks, but the rubric "
                    + config.rubric() + " has none");
        }
    }
}
