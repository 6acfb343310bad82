package dev.promptarena.run;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.JudgeConfig;
import dev.promptarena.config.VariantConfig;
import dev.promptarena.engine.PriceTable;
import dev.promptarena.input.InputException;
import dev.promptarena.input.YamlNode;
import dev.promptarena.llm.Decoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calls whose cost {@code --max-cost} cannot bound, found before the run folder exists: a priced model called without
 * {@code max_tokens}. The budget holds each call's worst case (prompt + max_tokens) while it is in flight; without a
 * max_tokens the reply, and so the bill, runs to the model's own limit, and the 1,024 tokens the reservation would
 * assume are a guess: a $10 cap ended at $27.27 against a server that answered 3,000 tokens (eleventh session's QA).
 * Unpriced models cost nothing in the run's accounting, so they are not refused here.
 */
public final class CostCapChecks {
    private CostCapChecks() {}

    /** One error per variant or judge that calls a priced model without max_tokens under a cap; none without a cap. */
    public static List<InputException> unbounded(ArenaConfig config, Double maxCostUsd, List<VariantConfig> called, List<JudgeConfig> judges,
                                          Map<String, String> env) {
        if (maxCostUsd == null) return List.of();
        PriceTable prices = new PriceTable(config.prices());
        List<String[]> found = new ArrayList<>(); // {where, model}
        for (VariantConfig v : called) {
            if (unbounded(v.decoding()) && prices.price(v.model()).isPresent()) found.add(new String[] {"variant " + v.name(), v.model()});
        }
        for (JudgeConfig j : judges) {
            if (unbounded(j.decoding()) && prices.price(j.model()).isPresent()) found.add(new String[] {"judge " + j.id(), j.model()});
        }
        if (found.isEmpty()) return List.of();
        YamlNode root = YamlNode.load(config.file(), env);
        YamlNode at = root.get("decoding") != null ? root.get("decoding") : root;
        List<InputException> out = new ArrayList<>();
        for (String[] f : found) {
            out.add(at.error("--max-cost needs decoding.max_tokens: " + f[0] + " calls " + f[1] + " without it, so its reply, and what"
                    + " it costs, has no bound the cap could hold; set max_tokens (in decoding, or in the "
                    + f[0].substring(0, f[0].indexOf(' ')) + "'s own decoding)"));
        }
        return out;
    }

    /**
     * The models among {@code called} and {@code judges} without a price, when a cap is set: they count as $0, so the cap
     * does not limit what they spend (the run says so before it starts, not only in engine.json's unpricedModels).
     */
    static java.util.SortedSet<String> unpriced(ArenaConfig config, Double maxCostUsd, List<VariantConfig> called, List<JudgeConfig> judges) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        if (maxCostUsd == null) return out;
        PriceTable prices = new PriceTable(config.prices());
        for (VariantConfig v : called) if (prices.price(v.model()).isEmpty()) out.add(v.model());
        for (JudgeConfig j : judges) if (prices.price(j.model()).isEmpty()) out.add(j.model());
        return out;
    }

    private static boolean unbounded(Decoding d) { return d == null || d.maxTokens() == null; }
}
