package dev.promptarena.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.JudgeConfig;
import dev.promptarena.config.ReferenceJudgeConfig;
import dev.promptarena.config.VariantConfig;
import dev.promptarena.input.Hashing;
import dev.promptarena.input.InputException;
import dev.promptarena.input.JsonProblem;
import dev.promptarena.judge.ModelFamilies;
import dev.promptarena.judge.SelfPreferenceCheck;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.http.BaseUrl;
import dev.promptarena.recorded.RecordedResponses;
import dev.promptarena.stats.SelfPreference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the {@link Manifest} of a run from its validated inputs. */
public final class ManifestFactory {
    private ManifestFactory() {}

    /**
     * @param judges    the LLM judges (a panel of one for a single judge), or empty when the reference judge decides
     * @param reference the reference judge, or null
     * @param embedder  the embedding model id of similarity checks, or null
     */
    static Manifest create(ArenaInputs in, List<JudgeConfig> judges, String judgeTemplateSha, String runId, int cases, RunOptions o,
                           Instant started, Instant finished, String partialReason, ReferenceJudgeConfig reference, String embedder) {
        ArenaConfig c = in.config();
        Map<String, Manifest.VariantInfo> variants = new LinkedHashMap<>();
        variants.put("A", variant(c.a(), in.recorded().a()));
        variants.put("B", variant(c.b(), in.recorded().b()));
        Map<String, Manifest.ProviderInfo> providers = new LinkedHashMap<>();
        for (ProviderConfig p : c.providers().values()) {
            providers.put(p.name(), new Manifest.ProviderInfo(p.type(), BaseUrl.withoutCredentials(p.baseUrl()), p.apiKeyEnv(), p.concurrency()));
        }
        List<Manifest.JudgeInfo> judgeInfos = judges.stream().map(ManifestFactory::judge).toList();
        Manifest.JudgeInfo judgeInfo = judges.isEmpty()
                ? new Manifest.JudgeInfo(null, "reference", "none", reference.seed(), 1, Map.of(), "none", null, null)
                : judgeInfos.get(0);
        ModelFamilies families = new ModelFamilies(c.families());
        Map<String, List<String>> modelFamilies = new TreeMap<>();
        for (String model : List.of(c.a().model(), c.b().model())) modelFamilies.put(model, List.copyOf(families.of(model)));
        judges.forEach(j -> modelFamilies.put(j.model(), List.copyOf(families.of(j.model()))));
        List<SelfPreference> self = SelfPreferenceCheck.find(judges, List.of(c.a(), c.b()), families);
        return Manifest.builder().toolVersion(Version.current()).runId(runId).arena(c.name())
                .config(c.file().toAbsolutePath().normalize().toString(), c.sha256())
                .dataset(c.dataset().toString(), in.datasetSha256()).rubric(c.rubric().toString(), in.rubric().sha256())
                .judgeTemplateSha256(judgeTemplateSha).cases(cases).repeats(o.repeats()).variants(variants).judge(judgeInfo)
                .providers(providers).axes(in.rubric().axisNames()).policy(c.policy()).startedAt(started.toString())
                .end(finished == null ? null : finished.toString(), partialReason).args(o.args()).embedderModel(embedder)
                .referenceJudgeMargin(reference == null ? null : reference.margin()).judges(judgeInfos).modelFamilies(modelFamilies)
                .selfPreference(self).designChanges(designChanges(c, o)).caseIds(Manifest.CASE_IDS_AS_WRITTEN).build();
    }

    /** Settings of the config's pre-registered design the command line replaced. */
    private static List<String> designChanges(ArenaConfig c, RunOptions o) {
        if (o.judgeSeed() == null) return List.of();
        long configured = c.judges().isEmpty() ? (c.reference() == null ? 0L : c.reference().seed()) : c.judges().get(0).seed();
        if (configured == o.judgeSeed()) return List.of();
        return List.of("--seed " + o.judgeSeed() + " replaced the configured judge seed " + configured
                + " (a seed chosen after the fact can be searched for a favourable order)");
    }

    private static Manifest.JudgeInfo judge(JudgeConfig j) {
        return new Manifest.JudgeInfo(j.provider(), j.model(), j.order().name().toLowerCase(), j.seed(), j.samples(),
                decoding(j.decoding()), j.template() == null ? "built-in" : j.template().toString(), j.id(), j.structured());
    }

    /** A run folder's manifest.json; every command that opens a run folder reads it here. */
    /**
     * When the resumed run began ({@code startedAt} of its manifest.json), which the resume keeps. A value that is not a
     * time (an edit) is an input error naming the field, as a manifest that is not JSON is; it was exit 4 with the JDK's
     * parse message.
     */
    static Instant startedAt(Path file) {
        String at = read(file).startedAt();
        try {
            if (at != null) return Instant.parse(at);
        } catch (java.time.format.DateTimeParseException notATime) {
            // said below, with the line
        }
        throw new InputException(file, lineOf(file, "\"startedAt\""), "startedAt", (at == null ? "missing" : "'" + at
                + "' is not a UTC time such as 2026-01-31T12:00:00Z") + "; put back the value the run wrote, or start a new run folder");
    }

    /** The first line of {@code file} holding {@code text}, or 0 (no line) when none does or the file cannot be read again. */
    private static int lineOf(Path file, String text) {
        try (java.util.stream.Stream<String> lines = Files.lines(file)) {
            int[] n = {0};
            return lines.peek(l -> n[0]++).anyMatch(l -> l.contains(text)) ? n[0] : 0;
        } catch (java.io.IOException | java.io.UncheckedIOException unreadable) {
            return 0;
        }
    }

    public static Manifest read(Path file) {
        // Through NIO, not File: a FileNotFoundException said "missing" for a manifest.json that is a loop of links.
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return JSON.readValue(in, Manifest.class);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file, "not a run folder: manifest.json is missing" + parentHint(file.getParent()));
        } catch (java.io.IOException e) {
            throw JsonProblem.of(file, 0, "cannot read manifest", e);
        }
    }

    /**
     * The usual mistake is the parent of the run folders (the config's output, `reports`): name the folder to give
     * instead, its `latest` link when there is one, else the first run folder in it.
     */
    private static String parentHint(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) return "";
        if (Files.isRegularFile(dir.resolve(LatestPointer.LINK).resolve("manifest.json"))) {
            return "; it holds run folders: give one of them, e.g. " + dir.resolve(LatestPointer.LINK);
        }
        try (java.util.stream.Stream<Path> children = Files.list(dir)) {
            return children.filter(c -> Files.isRegularFile(c.resolve("manifest.json"))).sorted().findFirst()
                    .map(c -> "; it holds run folders: give one of them, e.g. " + c).orElse("");
        } catch (java.io.IOException | java.io.UncheckedIOException unreadable) {
            return "";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static Manifest.VariantInfo variant(VariantConfig v, RecordedResponses recorded) {
        return new Manifest.VariantInfo(v.name(), recorded == null ? v.provider() : null, v.model(), v.system() == null ? null : Hashing.sha256(v.system()),
                Hashing.sha256(v.userTemplate()), decoding(v.decoding()), v.overridden(),
                recorded == null ? null : recorded.file().toString(), recorded == null ? null : recorded.sha256());
    }

    static Map<String, Object> decoding(Decoding d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("temperature", d.temperature());
        m.put("top_p", d.topP());
        m.put("max_tokens", d.maxTokens());
        m.put("seed", d.seed());
        return m;
    }
}
