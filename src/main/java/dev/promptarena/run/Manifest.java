package dev.promptarena.run;

import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.stats.SelfPreference;
import java.util.List;
import java.util.Map;

/**
 * Provenance of a run: what was compared, with which settings and inputs (by hash), by which
 * tool version, when, under which pre-registered decision policy. It never contains a secret: providers
 * are recorded with the NAME of the environment variable that holds their key, never its value.
 * {@code embedderModel} is the embedding model of similarity checks (null when none ran);
 * {@code referenceJudgeMargin} is the margin of the reference judge (null with an LLM judge; with the
 * reference judge the {@code judge} entry is {@code model: reference, order: none}). Older run folders lack both.
 * {@code judge} is the first LLM judge (the only one without a panel); {@code judges} lists every judge of
 * the panel (empty with the reference judge), {@code modelFamilies} the detected families of every judge
 * and variant model, and {@code selfPreference} the judges that share a family with a variant. Run folders
 * from before judge panels lack these three (they read as null). {@code designChanges} lists the settings of the
 * pre-registered design the command line replaced (e.g. {@code --seed}); such a run cannot PASS.
 * {@code served} is, per role (A, B, JUDGE), every
 * distinct model and system fingerprint the providers said they served, with counts, read from the journal at
 * the end of the run (null while running and in older run folders); more than one entry for a role means the
 * provider changed what it served during the run.
 */
public record Manifest(int schemaVersion, String tool, String toolVersion, String runId, String arena,
                       String configFile, String configSha256, String datasetFile, String datasetSha256,
                       String rubricFile, String rubricSha256, String judgeTemplateSha256, int cases, int repeats,
                       Map<String, VariantInfo> variants, JudgeInfo judge, Map<String, ProviderInfo> providers,
                       List<String> axes, DecisionPolicy policy, String startedAt, String finishedAt, boolean partial,
                       String partialReason, List<String> args, String embedderModel, Double referenceJudgeMargin,
                       List<JudgeInfo> judges, Map<String, List<String>> modelFamilies, List<SelfPreference> selfPreference,
                       Map<String, List<ServedModels.Served>> served, List<String> designChanges,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                       dev.promptarena.decision.SequentialRegistration sequential,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                       String caseIds) {
    /**
     * {@code caseIds} of a run started by this version: its case ids are what the user wrote ({@code CaseIds}). Null in
     * run folders started before, whose ids followed the earlier rule (a JSON number's value, blanks kept in JSONL, no
     * NFC); a resume of one checks the golden set's ids read the same under both (RunCommand).
     */
    public static final String CASE_IDS_AS_WRITTEN = "as-written";

    /** Without the case-id rule (run folders from before it was recorded). */
    public Manifest(int schemaVersion, String tool, String toolVersion, String runId, String arena,
                    String configFile, String configSha256, String datasetFile, String datasetSha256,
                    String rubricFile, String rubricSha256, String judgeTemplateSha256, int cases, int repeats,
                    Map<String, VariantInfo> variants, JudgeInfo judge, Map<String, ProviderInfo> providers,
                    List<String> axes, DecisionPolicy policy, String startedAt, String finishedAt, boolean partial,
                    String partialReason, List<String> args, String embedderModel, Double referenceJudgeMargin,
                    List<JudgeInfo> judges, Map<String, List<String>> modelFamilies, List<SelfPreference> selfPreference,
                    Map<String, List<ServedModels.Served>> served, List<String> designChanges,
                    dev.promptarena.decision.SequentialRegistration sequential) {
        this(schemaVersion, tool, toolVersion, runId, arena, configFile, configSha256, datasetFile, datasetSha256, rubricFile,
                rubricSha256, judgeTemplateSha256, cases, repeats, variants, judge, providers, axes, policy, startedAt, finishedAt,
                partial, partialReason, args, embedderModel, referenceJudgeMargin, judges, modelFamilies, selfPreference, served,
                designChanges, sequential, null);
    }

    /** Without a sequential registration (fixed design; run folders from before issue 16). */
    public Manifest(int schemaVersion, String tool, String toolVersion, String runId, String arena,
                    String configFile, String configSha256, String datasetFile, String datasetSha256,
                    String rubricFile, String rubricSha256, String judgeTemplateSha256, int cases, int repeats,
                    Map<String, VariantInfo> variants, JudgeInfo judge, Map<String, ProviderInfo> providers,
                    List<String> axes, DecisionPolicy policy, String startedAt, String finishedAt, boolean partial,
                    String partialReason, List<String> args, String embedderModel, Double referenceJudgeMargin,
                    List<JudgeInfo> judges, Map<String, List<String>> modelFamilies, List<SelfPreference> selfPreference,
                    Map<String, List<ServedModels.Served>> served, List<String> designChanges) {
        this(schemaVersion, tool, toolVersion, runId, arena, configFile, configSha256, datasetFile, datasetSha256, rubricFile,
                rubricSha256, judgeTemplateSha256, cases, repeats, variants, judge, providers, axes, policy, startedAt, finishedAt,
                partial, partialReason, args, embedderModel, referenceJudgeMargin, judges, modelFamilies, selfPreference, served,
                designChanges, null);
    }

    /** This manifest with the sequential design registered before the first call (issue 16). */
    public Manifest withSequential(dev.promptarena.decision.SequentialRegistration registration) {
        return new Manifest(schemaVersion, tool, toolVersion, runId, arena, configFile, configSha256, datasetFile, datasetSha256,
                rubricFile, rubricSha256, judgeTemplateSha256, cases, repeats, variants, judge, providers, axes, policy, startedAt,
                finishedAt, partial, partialReason, args, embedderModel, referenceJudgeMargin, judges, modelFamilies, selfPreference, served,
                designChanges, registration, caseIds);
    }

    /** This manifest with the served models read from the journal. */
    public Manifest withServed(Map<String, List<ServedModels.Served>> served) {
        return new Manifest(schemaVersion, tool, toolVersion, runId, arena, configFile, configSha256, datasetFile, datasetSha256,
                rubricFile, rubricSha256, judgeTemplateSha256, cases, repeats, variants, judge, providers, axes, policy, startedAt,
                finishedAt, partial, partialReason, args, embedderModel, referenceJudgeMargin, judges, modelFamilies, selfPreference, served,
                designChanges, sequential, caseIds);
    }

    /** This manifest with the run's end: when it finished (null while running) and why it is partial (null when complete). */
    public Manifest withEnd(String finishedAt, String partialReason) {
        return new Manifest(schemaVersion, tool, toolVersion, runId, arena, configFile, configSha256, datasetFile, datasetSha256,
                rubricFile, rubricSha256, judgeTemplateSha256, cases, repeats, variants, judge, providers, axes, policy, startedAt,
                finishedAt, partialReason != null, partialReason, args, embedderModel, referenceJudgeMargin, judges, modelFamilies,
                selfPreference, served, designChanges, sequential, caseIds);
    }

    /** A manifest without check provenance, as before checks ran in the pipeline. */
    public Manifest(int schemaVersion, String tool, String toolVersion, String runId, String arena,
                    String configFile, String configSha256, String datasetFile, String datasetSha256,
                    String rubricFile, String rubricSha256, String judgeTemplateSha256, int cases, int repeats,
                    Map<String, VariantInfo> variants, JudgeInfo judge, Map<String, ProviderInfo> providers,
                    List<String> axes, DecisionPolicy policy, String startedAt, String finishedAt, boolean partial,
                    String partialReason, List<String> args) {
        this(schemaVersion, tool, toolVersion, runId, arena, configFile, configSha256, datasetFile, datasetSha256, rubricFile,
                rubricSha256, judgeTemplateSha256, cases, repeats, variants, judge, providers, axes, policy, startedAt, finishedAt,
                partial, partialReason, args, null, null, null, null, null, null, null);
    }

    /** A variant as run; {@code responsesSha256} is the hash of its recorded-outputs file (null when generated). */
    public record VariantInfo(String name, String provider, String model, String systemSha256, String userTemplateSha256,
                              Map<String, Object> decoding, List<String> overriddenDecoding, String responsesFile,
                              String responsesSha256) {
        /** A variant without a recorded-outputs hash, as before it was recorded. */
        public VariantInfo(String name, String provider, String model, String systemSha256, String userTemplateSha256,
                           Map<String, Object> decoding, List<String> overriddenDecoding, String responsesFile) {
            this(name, provider, model, systemSha256, userTemplateSha256, decoding, overriddenDecoding, responsesFile, null);
        }
    }

    /** A judge as run; {@code id} names it in traces, {@code structured} says whether the verdict schema was sent. */
    public record JudgeInfo(String provider, String model, String order, long seed, int samples, Map<String, Object> decoding,
                            String template, String id, Boolean structured) {
        /** A judge without id and structured-output flag, as before judge panels. */
        public JudgeInfo(String provider, String model, String order, long seed, int samples, Map<String, Object> decoding, String template) {
            this(provider, model, order, seed, samples, decoding, template, null, null);
        }
    }

    /** A provider as configured (no secret). */
    public record ProviderInfo(String type, String baseUrl, String apiKeyEnv, int concurrency) {}
}
