package dev.promptarena.run;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.JudgeConfig;
import dev.promptarena.config.VariantConfig;
import dev.promptarena.engine.PriceTable;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.http.BaseUrl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a run would call, resolved, for {@code validate} and {@code run --dry-run}: per provider entry its wire
 * type, URL, key variable (and whether it is set: the name only, never the value), concurrency, who uses it and
 * the price of each model; plus warnings for a used provider whose key variable is unset and for an unpriced
 * model (whose cost would count as $0).
 */
public final class ProvidersTable {
    /** The table's lines and the warnings, in order. */
    public record Result(List<String> lines, List<String> warnings) {}

    private ProvidersTable() {}

    public static Result of(ArenaConfig config, Map<String, String> env) {
        Map<String, Set<String>> users = new LinkedHashMap<>();   // provider -> "A (model)", ...
        Map<String, Set<String>> models = new LinkedHashMap<>();  // provider -> models
        // Every variant of a tournament, by name: a later candidate's provider is used, so it is neither "(unused)" nor
        // spared the unset-key warning.
        for (VariantConfig v : config.variants()) {
            if (v.provider() == null) continue; // recorded outputs: nothing is called
            users.computeIfAbsent(v.provider(), k -> new LinkedHashSet<>()).add(config.tournament() == null ? v.slot() : v.name());
            models.computeIfAbsent(v.provider(), k -> new LinkedHashSet<>()).add(v.model());
        }
        for (JudgeConfig j : config.judges()) {
            users.computeIfAbsent(j.provider(), k -> new LinkedHashSet<>()).add(config.judges().size() > 1 ? "judge " + j.id() : "judge");
            models.computeIfAbsent(j.provider(), k -> new LinkedHashSet<>()).add(j.model());
        }
        PriceTable prices = new PriceTable(config.prices());
        List<String> lines = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        // Two blanks before the models: a "used by" list wider than its column (a tournament's variants) stays apart from them.
        lines.add(String.format(Locale.ROOT, "%-12s %-10s %-36s %-28s %5s  %-16s  %s", "provider", "wire", "base URL", "key variable", "conc.", "used by", "models (USD per 1M tokens in/out)"));
        for (ProviderConfig p : config.providers().values()) {
            Set<String> who = users.getOrDefault(p.name(), Set.of());
            boolean sim = p.type().equals("sim");
            String key = p.apiKeyEnv() == null ? "none" : p.apiKeyEnv() + (isSet(env, p.apiKeyEnv()) ? " (set)" : " (NOT SET)");
            List<String> priced = new ArrayList<>();
            for (String m : models.getOrDefault(p.name(), Set.of())) {
                var price = prices.price(m);
                priced.add(m + " " + (sim ? "(simulated, free)" : price.map(x -> String.format(Locale.ROOT, "$%.2f/$%.2f", x.inputPerMillion(), x.outputPerMillion())).orElse("(no price)")));
                if (!sim && price.isEmpty()) {
                    warnings.add("no price for model " + m + " (provider " + p.name() + "): its cost counts as $0 in budgets and reports; add it under prices:");
                }
            }
            if (!who.isEmpty() && p.apiKeyEnv() != null && !isSet(env, p.apiKeyEnv())) {
                warnings.add(p.apiKeyEnv() + " is not set (provider " + p.name() + ", used by " + String.join(", ", who) + "): every call to it would fail");
            }
            lines.add(String.format(Locale.ROOT, "%-12s %-10s %-36s %-28s %5d  %-16s  %s", p.name(), p.type(), p.baseUrl() == null ? "-" : BaseUrl.withoutCredentials(p.baseUrl()), key,
                    p.concurrency(), who.isEmpty() ? "(unused)" : String.join(", ", who), String.join(", ", priced)));
        }
        return new Result(lines, warnings);
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }
}
