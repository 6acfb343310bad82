package dev.promptarena.run;

import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.stats.SelfPreference;
import java.util.List;
import java.util.Map;

/**
 * Provenance of a run: what was compared, with which settings and inputs (by hash), by which
 * tool version, when, under which pre-registered decision policy. {@code judge} is the first judge
 * (the only one without a panel); {@code judges} lists every judge of the panel, {@code modelFamilies}
 * the detected family of every judge and variant model, and {@code selfPreference} the judges that
 * share a family with a variant (older run folders lack the last three: they read as null). It never contains a secret: providers are recorded with the NAME of the
 * environment variable that holds their key, never its value.
 */
public record Manifest(int schemaVersion, String tool, String toolVersion, String runId, String arena,
                       String configFile, String configSha256, String datasetFile, String datasetSha256,
                       String rubricFile, String rubricSha256, String judgeTemplateSha256, int cases, int repeats,
                       Map<String, VariantInfo> variants, JudgeInfo judge, Map<String, ProviderInfo> providers,
                       List<String> axes, DecisionPolicy policy, String startedAt, String finishedAt, boolean partial,
                       String partialReason, List<String> args, List<JudgeInfo> judges,
                       Map<String, List<String>> modelFamilies, List<SelfPreference> selfPreference) {

    /** A variant as run. */
    public record VariantInfo(String name, String provider, String model, String systemSha256, String userTemplateSha256,
                              Map<String, Object> decoding, List<String> overriddenDecoding, String responsesFile) {}

    /** A judge as run; {@code id} names it in traces, {@code structured} says whether the verdict schema was sent. */
    public record JudgeInfo(String provider, String model, String order, long seed, int samples, Map<String, Object> decoding,
                            String template, String id, Boolean structured) {}

    /** A provider as configured (no secret). */
    public record ProviderInfo(String type, String baseUrl, String apiKeyEnv, int concurrency) {}
}
