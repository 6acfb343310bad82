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

    /** The schema of manifest.json this version writes (fields added since are optional, read as null when absent). */
    public static final int SCHEMA_VERSION = 1;
    public static final String TOOL = "prompt-arena";

    /**
     * The one way code builds a manifest (the canonical constructor is Jackson's, reading manifest.json): every field
     * not set is null (false, 0), as in run folders from before it existed, so adding a field changes no caller.
     */
    public static Builder builder() { return new Builder(); }

    /** A builder holding every field of this manifest, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.schemaVersion = schemaVersion; b.tool = tool; b.toolVersion = toolVersion; b.runId = runId; b.arena = arena;
        b.configFile = configFile; b.configSha256 = configSha256; b.datasetFile = datasetFile; b.datasetSha256 = datasetSha256;
        b.rubricFile = rubricFile; b.rubricSha256 = rubricSha256; b.judgeTemplateSha256 = judgeTemplateSha256; b.cases = cases;
        b.repeats = repeats; b.variants = variants; b.judge = judge; b.providers = providers; b.axes = axes; b.policy = policy;
        b.startedAt = startedAt; b.finishedAt = finishedAt; b.partial = partial; b.partialReason = partialReason; b.args = args;
        b.embedderModel = embedderModel; b.referenceJudgeMargin = referenceJudgeMargin; b.judges = judges;
        b.modelFamilies = modelFamilies; b.selfPreference = selfPreference; b.served = served; b.designChanges = designChanges;
        b.sequential = sequential; b.caseIds = caseIds;
        return b;
    }

    /** This manifest with the sequential design registered before the first call (issue 16). */
    public Manifest withSequential(dev.promptarena.decision.SequentialRegistration registration) {
        return toBuilder().sequential(registration).build();
    }

    /** This manifest with the served models read from the journal. */
    public Manifest withServed(Map<String, List<ServedModels.Served>> served) {
        return toBuilder().served(served).build();
    }

    /** This manifest with the run's end: when it finished (null while running) and why it is partial (null when complete). */
    public Manifest withEnd(String finishedAt, String partialReason) {
        return toBuilder().end(finishedAt, partialReason).build();
    }

    /** Collects a manifest's fields by name; {@link Manifest#builder()} or {@link Manifest#toBuilder()} start one. */
    public static final class Builder {
        private int schemaVersion = SCHEMA_VERSION, cases, repeats;
        private String tool = TOOL, toolVersion, runId, arena, configFile, configSha256, datasetFile, datasetSha256, rubricFile,
                rubricSha256, judgeTemplateSha256, startedAt, finishedAt, partialReason, embedderModel, caseIds;
        private boolean partial;
        private Map<String, VariantInfo> variants;
        private JudgeInfo judge;
        private Map<String, ProviderInfo> providers;
        private List<String> axes, args, designChanges;
        private DecisionPolicy policy;
        private Double referenceJudgeMargin;
        private List<JudgeInfo> judges;
        private Map<String, List<String>> modelFamilies;
        private List<SelfPreference> selfPreference;
        private Map<String, List<ServedModels.Served>> served;
        private dev.promptarena.decision.SequentialRegistration sequential;

        private Builder() {}

        public Builder toolVersion(String v) { toolVersion = v; return this; }
        public Builder runId(String v) { runId = v; return this; }
        public Builder arena(String v) { arena = v; return this; }
        public Builder config(String file, String sha256) { configFile = file; configSha256 = sha256; return this; }
        public Builder dataset(String file, String sha256) { datasetFile = file; datasetSha256 = sha256; return this; }
        public Builder rubric(String file, String sha256) { rubricFile = file; rubricSha256 = sha256; return this; }
        public Builder judgeTemplateSha256(String v) { judgeTemplateSha256 = v; return this; }
        public Builder cases(int v) { cases = v; return this; }
        public Builder repeats(int v) { repeats = v; return this; }
        public Builder variants(Map<String, VariantInfo> v) { variants = v; return this; }
        public Builder judge(JudgeInfo v) { judge = v; return this; }
        public Builder providers(Map<String, ProviderInfo> v) { providers = v; return this; }
        public Builder axes(List<String> v) { axes = v; return this; }
        public Builder policy(DecisionPolicy v) { policy = v; return this; }
        public Builder startedAt(String v) { startedAt = v; return this; }

        /** When the run finished (null while running) and why it is partial (null when complete): partial follows the reason. */
        public Builder end(String finished, String reason) { finishedAt = finished; partialReason = reason; partial = reason != null; return this; }

        public Builder args(List<String> v) { args = v; return this; }
        public Builder embedderModel(String v) { embedderModel = v; return this; }
        public Builder referenceJudgeMargin(Double v) { referenceJudgeMargin = v; return this; }
        public Builder judges(List<JudgeInfo> v) { judges = v; return this; }
        public Builder modelFamilies(Map<String, List<String>> v) { modelFamilies = v; return this; }
        public Builder selfPreference(List<SelfPreference> v) { selfPreference = v; return this; }
        public Builder served(Map<String, List<ServedModels.Served>> v) { served = v; return this; }
        public Builder designChanges(List<String> v) { designChanges = v; return this; }
        public Builder sequential(dev.promptarena.decision.SequentialRegistration v) { sequential = v; return this; }
        public Builder caseIds(String v) { caseIds = v; return this; }

        public Manifest build() {
            return new Manifest(schemaVersion, tool, toolVersion, runId, arena, configFile, configSha256, datasetFile, datasetSha256,
                    rubricFile, rubricSha256, judgeTemplateSha256, cases, repeats, variants, judge, providers, axes, policy, startedAt,
                    finishedAt, partial, partialReason, args, embedderModel, referenceJudgeMargin, judges, modelFamilies,
                    selfPreference, served, designChanges, sequential, caseIds);
        }
    }

    /** A variant as run; {@code responsesSha256} is the hash of its recorded-outputs file (null when generated). */
    public record VariantInfo(String name, String provider, String model, String systemSha256, String userTemplateSha256,
                              Map<String, Object> decoding, List<String> overriddenDecoding, String responsesFile,
                              String responsesSha256) {}

    /** A judge as run; {@code id} names it in traces, {@code structured} says whether the verdict schema was sent. */
    public record JudgeInfo(String provider, String model, String order, long seed, int samples, Map<String, Object> decoding,
                            String template, String id, Boolean structured) {}

    /** A provider as configured (no secret). */
    public record ProviderInfo(String type, String baseUrl, String apiKeyEnv, int concurrency) {}
}
