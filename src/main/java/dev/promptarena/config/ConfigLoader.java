package dev.promptarena.config;

import dev.promptarena.llm.Price;
import dev.promptarena.dataset.UserTemplate;
import dev.promptarena.input.DidYouMean;
import dev.promptarena.input.Hashing;
import dev.promptarena.input.InputException;
import dev.promptarena.input.YamlNode;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.ProviderConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads arena.yaml into a validated {@link ArenaConfig}; every error names file, line and key. */
public final class ConfigLoader {
    private final Map<String, String> env;
    private final boolean recordedOutputs;

    /** @param env environment used for ${VAR} interpolation (passed in, never read deep in the code) */
    public ConfigLoader(Map<String, String> env) { this(env, false); }

    /**
     * @param recordedOutputs both variants' outputs come from {@code run --responses FILE}: the variants then need
     *                        no provider, model or user template (nothing generates), as with per-variant responses
     */
    public ConfigLoader(Map<String, String> env, boolean recordedOutputs) {
        this.env = Map.copyOf(env);
        this.recordedOutputs = recordedOutputs;
    }

    public ArenaConfig load(Path file) {
        // This load's warnings, handed on in the ArenaConfig: a local, so a loader holds no state between (or across) loads.
        List<String> warnings = new ArrayList<>();
        YamlNode root = YamlNode.load(file, env);
        root.allowOnly("name", "dataset", "rubric", "providers", "decoding", "variants", "judge", "judges",
                "families", "output", "decision", "prices", "engine", "tournament");
        // providers: may be left out when nothing is called (recorded outputs judged by the reference judge).
        YamlNode providersNode = root.get("providers");
        Map<String, ProviderConfig> providers = providersNode == null ? Map.of() : ProvidersSection.read(providersNode);
        Decoding shared = decoding(root.get("decoding"), Decoding.UNSET);
        // Named variants with a control, or a tournament: key, make a tournament; exactly A and B stay the two-variant config.
        TournamentConfig tournament = TournamentConfigReader.isTournament(root)
                ? TournamentConfigReader.read(root, (slot, node) -> variant(slot, node, shared, providers, true, warnings)) : null;
        VariantConfig a;
        VariantConfig b;
        if (tournament != null) {
            a = tournament.control();
            b = tournament.variants().get(1);
        } else {
            YamlNode variants = root.require("variants").allowOnly("A", "B");
            a = variant("A", variants.require("A"), shared, providers, false, warnings);
            b = variant("B", variants.require("B"), shared, providers, false, warnings);
            // Reports, the JUnit file and the comparison label each variant by its name: two alike read as one prompt.
            if (a.name().strip().equals(b.name().strip())) {
                YamlNode named = variants.require("B").get("name") != null ? variants.require("B").get("name") : variants.require("B");
                throw named.error("A and B are both named '" + a.name().strip() + "'; give each variant a distinct name");
            }
        }
        // judge: is optional for a checks-only rubric (the inputs check that against the rubric).
        YamlNode judgeNode = root.get("judge");
        ReferenceJudgeConfig reference = judgeNode != null && "reference".equals(judgeNode.text("type", null)) ? referenceJudge(judgeNode) : null;
        YamlNode panel = root.get("judges");
        if (reference != null && panel != null) {
            throw panel.error("judges: is a panel of LLM judges; it cannot be combined with judge: {type: reference}");
        }
        // No judge: and no judges: is allowed here; the inputs check that the rubric then has checks.
        List<JudgeConfig> judges = reference != null ? List.of() : new JudgeConfigLoader(providers).load(root);
        Path rubric = root.require("rubric").existingPath();
        YamlNode engine = root.get("engine");
        int maxAttempts = 5;
        boolean emptyReplyIsError = true;
        BatchSettings batch = BatchSettings.SYNC;
        if (engine != null) {
            engine.allowOnly("max_attempts", "empty_reply", "mode", "batch_retry", "batch_poll_seconds");
            batch = new BatchSettings("batch".equals(engine.get("mode") == null ? "sync" : engine.require("mode").oneOf("sync", "batch")),
                    engine.get("batch_retry") == null ? BatchSettings.Retry.SYNC
                            : BatchSettings.Retry.valueOf(engine.require("batch_retry").oneOf("sync", "batch").toUpperCase(java.util.Locale.ROOT)),
                    pollSeconds(engine.get("batch_poll_seconds")));
            if (engine.get("max_attempts") != null) maxAttempts = positiveInt(engine.require("max_attempts"), 0);
            if (engine.get("empty_reply") != null) emptyReplyIsError = engine.require("empty_reply").oneOf("error", "answer").equals("error");
        }
        YamlNode output = root.get("output");
        Path outputDir = output != null ? output.resolvePath() : file.toAbsolutePath().getParent().resolve("reports").normalize();
        return new ArenaConfig(file, sha256(file), root.text("name", stem(file)), root.require("dataset").existingPath(),
                rubric, providers, a, b, judges, outputDir, PolicyLoader.policy(root.get("decision"), rubric),
                prices(root.get("prices")), maxAttempts, reference, JudgeConfigLoader.families(root.get("families")), emptyReplyIsError,
                tournament, batch, warnings);
    }

    static Decoding decoding(YamlNode node, Decoding fallback) {
        if (node == null) return fallback;
        node.allowOnly("temperature", "top_p", "max_tokens", "seed");
        try {
            Long maxTokens = node.integer("max_tokens", null);
            // Math.toIntExact's ArithmeticException ("integer overflow") is not caught below: exit 4 with no line.
            if (maxTokens != null && maxTokens > Integer.MAX_VALUE) throw node.get("max_tokens").error("must be at most " + Integer.MAX_VALUE + ", got " + maxTokens);
            return new Decoding(node.number("temperature", null), node.number("top_p", null),
                    maxTokens == null ? null : Math.toIntExact(maxTokens), node.integer("seed", null));
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private VariantConfig variant(String slot, YamlNode node, Decoding shared, Map<String, ProviderConfig> providers, boolean tournament,
                                  List<String> warnings) {
        // A tournament variant's keys were checked by its reader (which adds control: and has no responses:).
        if (!tournament) node.allowOnly("name", "provider", "model", "system", "system_file", "user", "user_file", "decoding", "responses");
        YamlNode responses = node.get("responses");
        Decoding override = decoding(node.get("decoding"), null);
        List<String> overridden = new ArrayList<>();
        if (override != null) {
            if (override.temperature() != null) overridden.add("temperature");
            if (override.topP() != null) overridden.add("top_p");
            if (override.maxTokens() != null) overridden.add("max_tokens");
            if (override.seed() != null) overridden.add("seed");
        }
        String provider = null;
        String model;
        boolean generated = responses == null && !recordedOutputs;
        if (generated) {
            provider = providerRef(node.require("provider"), providers);
            model = nonBlank(node.require("model"));
        } else {
            // Recorded outputs: a provider named anyway is still checked, but none is needed.
            if (node.get("provider") != null && responses == null) provider = providerRef(node.get("provider"), providers);
            model = node.get("model") == null ? "recorded" : nonBlank(node.get("model"));
        }
        String system = textOrFile(node, "system", "system_file", false);
        if (system != null) warnIfPlaceholder(node, system, warnings);
        String user = textOrFile(node, "user", "user_file", generated);
        if (user != null) checkTemplate(node, user);
        String name = node.get("name") == null ? slot : nonBlank(node.get("name"));
        // run --responses replaces a variant's own responses file: one the run will not read is neither required to exist
        // nor validated, so a stale one in the config does not stop the run or get named in its errors.
        return new VariantConfig(slot, name, provider, model, system, user == null ? "" : user,
                shared.overriddenBy(override), overridden, responses == null || recordedOutputs ? null : responses.existingPath());
    }

    /**
     * A typo of a placeholder ({@code {{question} }, {@code {{}}}) would reach the model as literal braces on every case:
     * refused at its own line, in a block scalar under {@code user:} or in the {@code user_file}.
     */
    private static void checkTemplate(YamlNode variant, String user) {
        UserTemplate.Malformed bad = UserTemplate.malformed(user);
        if (bad == null) return;
        YamlNode inline = variant.get("user");
        if (inline != null) throw inline.errorAt(user, bad.offset(), "user template: " + bad.message());
        YamlNode file = variant.get("user_file");
        throw new InputException(file.existingPath(), UserTemplate.lineOf(user, bad.offset()), file.path(), bad.message());
    }

    /**
     * The system prompt is sent as written (README: only {@code user:} is a template, and the cache key hashes the text
     * sent), so a {@code {{field}}} in it reaches the model literally on every case: valid, but almost surely meant for
     * {@code user:}. Warned at its own line, in a block scalar under {@code system:} or in the {@code system_file}.
     */
    private static void warnIfPlaceholder(YamlNode variant, String system, List<String> warnings) {
        UserTemplate.Placeholder p = UserTemplate.firstPlaceholder(system);
        if (p == null) return;
        String message = "holds " + p.text() + ", which looks like a placeholder, but the system prompt is not a template:"
                + " the model gets it as written on every case (case fields go in user:)";
        YamlNode inline = variant.get("system");
        YamlNode file = variant.get("system_file");
        InputException where = inline != null ? inline.errorAt(system, p.offset(), message)
                : new InputException(file.existingPath(), UserTemplate.lineOf(system, p.offset()), file.path(), message);
        warnings.add(where.describe());
    }

    /** A name or model id: an empty one would be sent to the provider as is, or label a variant with nothing. */
    static String nonBlank(YamlNode node) {
        String text = node.text();
        if (text.isBlank()) throw node.error("must not be empty");
        return text;
    }

    private static String textOrFile(YamlNode node, String key, String fileKey, boolean required) {
        YamlNode inline = node.get(key);
        YamlNode fromFile = node.get(fileKey);
        if (inline != null && fromFile != null) throw fromFile.error("give either " + key + " or " + fileKey + ", not both");
        if (inline != null) return inline.text();
        if (fromFile != null) {
            Path p = fromFile.existingPath();
            try {
                return dev.promptarena.input.ByteLines.readUtf8(p);
            } catch (InputException notUtf8) {
                throw fromFile.error(p + (notUtf8.line() > 0 ? ":" + notUtf8.line() : "") + ": " + notUtf8.getMessage());
            } catch (IOException e) {
                throw fromFile.error("cannot read " + p + ": " + dev.promptarena.util.IoReason.of(e));
            }
        }
        if (required) throw new InputException(node.file(), node.line(), node.path() + "." + key, "required key is missing (or give " + fileKey + ")");
        return null;
    }

    static String providerRef(YamlNode node, Map<String, ProviderConfig> providers) {
        String name = node.text();
        if (!providers.containsKey(name)) {
            String hint = DidYouMean.nearest(name, providers.keySet());
            throw node.error("no provider named '" + name + "'" + (hint != null ? " (did you mean '" + hint + "'?)" : "")
                    + "; defined: " + String.join(", ", providers.keySet()));
        }
        return name;
    }

    private static ReferenceJudgeConfig referenceJudge(YamlNode node) {
        node.allowOnly("type", "margin", "seed");
        try {
            return new ReferenceJudgeConfig(node.number("margin", 0.0), node.integer("seed", 0L));
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static Map<String, Price> prices(YamlNode node) {
        Map<String, Price> out = new LinkedHashMap<>();
        if (node == null) return out;
        // A price for the model "" would price nothing: refused like other empty names.
        for (Map.Entry<String, YamlNode> e : node.refuseBlankKeys("a model name").entries().entrySet()) {
            YamlNode p = e.getValue().allowOnly("input", "output");
            try {
                out.put(e.getKey(), new Price(p.require("input").number(), p.require("output").number()));
            } catch (IllegalArgumentException ex) {
                throw p.error(ex.getMessage());
            }
        }
        return out;
    }

    static long positive(YamlNode node) {
        long v = node.integer();
        if (v < 1) throw node.error("must be >= 1, got " + v);
        return v;
    }

    /** {@code engine.batch_poll_seconds}: a whole number of seconds in [1, a day], or null when absent. */
    static Integer pollSeconds(YamlNode node) {
        if (node == null) return null;
        long v = positive(node);
        if (v > BatchSettings.MAX_POLL_SECONDS) throw node.error("must be <= " + BatchSettings.MAX_POLL_SECONDS + " (a day), got " + v);
        return (int) v;
    }

    static long positive(YamlNode node, long fallback) { return node == null ? fallback : positive(node); }

    /** As {@link #positive(YamlNode)}, for an int setting: a larger value would wrap around when cast (4294967296 to 0). */
    static int positiveInt(YamlNode node, int fallback) {
        if (node == null) return fallback;
        long v = positive(node);
        if (v > Integer.MAX_VALUE) throw node.error("must be at most " + Integer.MAX_VALUE + ", got " + v);
        return (int) v;
    }

    static Double optionalPositive(YamlNode node) {
        if (node == null) return null;
        double v = node.number();
        if (!(v > 0)) throw node.error("must be > 0, got " + v);
        return v;
    }

    static String sha256(Path file) {
        try {
            return Hashing.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw dev.promptarena.input.ReadErrors.of(file, e);
        }
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
