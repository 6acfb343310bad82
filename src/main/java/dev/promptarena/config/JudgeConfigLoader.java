package dev.promptarena.config;

import dev.promptarena.input.YamlNode;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.ProviderConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the judge settings: either a single {@code judge:} (provider and model in it), or a
 * {@code judges:} panel list whose entries name provider and model while {@code judge:} holds the
 * settings they share. Order and seed are panel-wide on purpose: every judge must see a pair in the
 * same presentation so that their verdicts can be compared (agreement, majority).
 */
final class JudgeConfigLoader {
    /** Judge decoding unless configured: greedy, enough room for the JSON verdict and a reason. */
    static final Decoding DEFAULT_DECODING = new Decoding(0.0, null, 1024, null);

    private static final String[] SHARED = {"type", "name", "provider", "model", "order", "seed", "decoding", "template", "samples", "structured",
        "balance_by"};
    private static final String[] ENTRY = {"name", "provider", "model", "decoding", "samples", "structured"};

    private final Map<String, ProviderConfig> providers;

    JudgeConfigLoader(Map<String, ProviderConfig> providers) { this.providers = providers; }

    List<JudgeConfig> load(YamlNode root) {
        YamlNode shared = root.get("judge");
        YamlNode panel = root.get("judges");
        if (shared == null && panel == null) return List.of();
        if (shared != null) {
            shared.allowOnly(SHARED);
            if (shared.get("type") != null) shared.require("type").oneOf("llm", "reference");
        }
        JudgeConfig.Order order = JudgeConfig.Order.RANDOM;
        long seed = 0;
        Decoding decoding = DEFAULT_DECODING;
        Path template = null;
        int samples = 1;
        boolean structured = true;
        JudgeConfig.BalanceBy balanceBy = null;
        if (shared != null) {
            YamlNode b = shared.get("balance_by");
            if (b != null) {
                String key = b.text().trim();
                if (key.isEmpty()) throw b.error("balance_by must name a tag key of the golden set's cases, e.g. balance_by: category");
                balanceBy = new JudgeConfig.BalanceBy(key, b.line());
            }
            YamlNode o = shared.get("order");
            if (o != null) order = JudgeConfig.Order.valueOf(o.oneOf("random", "both").toUpperCase());
            seed = shared.integer("seed", 0L);
            decoding = ConfigLoader.decoding(shared.get("decoding"), DEFAULT_DECODING);
            YamlNode t = shared.get("template");
            template = t == null ? null : t.existingPath();
            samples = samples(shared.get("samples"), 1);
            structured = shared.bool("structured", true);
        }
        if (panel == null) {
            String provider = ConfigLoader.providerRef(shared.require("provider"), providers);
            String model = nonEmpty(shared.require("model"));
            // An empty name reached JudgeConfig's own check, an IllegalArgumentException: exit 4 with no file or line.
            String name = shared.get("name") == null ? model : nonEmpty(shared.get("name"));
            return List.of(new JudgeConfig(name, provider, model, order, seed, decoding, template, samples, structured,
                    balanceBy));
        }
        if (shared != null) {
            for (String key : List.of("provider", "model", "name")) {
                YamlNode misplaced = shared.get(key);
                if (misplaced != null) {
                    throw misplaced.error("with a judges: list, give " + key + " in each judges entry; judge: holds only the settings they share");
                }
            }
        }
        List<JudgeConfig> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<YamlNode> entries = panel.list();
        if (entries.isEmpty()) throw panel.error("the judges list is empty; give at least one judge");
        for (YamlNode e : entries) {
            e.allowOnly(ENTRY);
            String provider = ConfigLoader.providerRef(e.require("provider"), providers);
            String model = nonEmpty(e.require("model"));
            String id = e.text("name", model).trim();
            if (id.isEmpty()) throw e.error("name must not be empty");
            Integer first = seen.putIfAbsent(id, e.line());
            if (first != null) {
                throw e.error("two judges with the id '" + id + "' (the first at line " + first + "); give each a distinct name:");
            }
            Decoding own = ConfigLoader.decoding(e.get("decoding"), null);
            out.add(new JudgeConfig(id, provider, model, order, seed, decoding.overriddenBy(own), template,
                    samples(e.get("samples"), samples), e.bool("structured", structured), balanceBy));
        }
        return out;
    }

    /** Model id to family overrides; the family names are checked by the self-preference code. */
    static Map<String, String> families(YamlNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) return out;
        // The model "" is no model: its family would silently apply to nothing.
        node.refuseBlankKeys("a model name").entries().forEach((model, family) -> {
            String f = family.text().trim();
            if (f.isEmpty()) throw family.error("family must not be empty");
            out.put(model, f);
        });
        return out;
    }

    private static String nonEmpty(YamlNode node) {
        String text = node.text();
        if (text.isBlank()) throw node.error("must not be empty");
        return text;
    }

    private static int samples(YamlNode node, int fallback) {
        if (node == null) return fallback;
        long v = node.integer();
        if (v < 1 || v > 99) throw node.error("must be from 1 to 99, got " + v);
        return (int) v;
    }
}
