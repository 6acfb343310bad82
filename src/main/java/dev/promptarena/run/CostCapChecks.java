package dev.promptarena.run;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.JudgeConfig;
import dev.promptarena.config.VariantConfig;
import dev.promptarena.engine.PriceTable;
import dev.promptarena.input.YamlNode;
import dev.promptarena.llm.Decoding;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What {@code --max-cost} cannot bound, found before anything is created or called (run, tournament and score alike).
 * <ul>
 *   <li>A priced model called without {@code max_tokens} is refused: the budget holds each call's worst case (prompt +
 *       max_tokens) while it is in flight, and without a max_tokens the reply, and so the bill, runs to the model's own
 *       limit; the 1,024 tokens the reservation would assume are a guess (a $10 cap ended at $27.27 against a server that
 *       answered 3,000 tokens, eleventh session's QA).</li>
 *   <li>Models without a price count as $0, so the cap does not limit them: named in a warning.</li>
 * </ul>
 */
public final class CostCapChecks {
    private CostCapChecks() {}

    /** A variant or judge ("variant base", "judge j1") and the model it calls. */
    private record Caller(String kind, String name, String model, Decoding decoding) {}

    /**
     * Throws an input error (at the config's {@code decoding}) for the first priced model called without max_tokens, and
     * warns on {@code err} about unpriced ones; does nothing without a cap.
     */
    public static void check(ArenaConfig config, Double maxCostUsd, List<VariantConfig> called, List<JudgeConfig> judges,
                             Map<String, String> env, PrintStream err) {
        if (maxCostUsd == null) return;
        List<Caller> callers = new ArrayList<>();
        called.forEach(v -> callers.add(new Caller("variant", v.name(), v.model(), v.decoding())));
        judges.forEach(j -> callers.add(new Caller("judge", j.id(), j.model(), j.decoding())));
        PriceTable prices = new PriceTable(config.prices());
        SortedSet<String> unpriced = new TreeSet<>();
        for (Caller c : callers) {
            if (prices.price(c.model()).isEmpty()) {
                unpriced.add(c.model());
            } else if (c.decoding() == null || c.decoding().maxTokens() == null) {
                YamlNode root = YamlNode.load(config.file(), env);
                YamlNode at = root.get("decoding") != null ? root.get("decoding") : root;
                throw at.error("--max-cost needs decoding.max_tokens: " + c.kind() + " " + c.name() + " calls " + c.model()
                        + " without it, so its reply, and what it costs, has no bound the cap could hold; set max_tokens (in"
                        + " decoding, or in the " + c.kind() + "'s own decoding)");
            }
        }
        if (!unpriced.isEmpty()) {
            err.println("warning: --max-cost does not limit models without a price (they count as $0): " + String.join(", ", unpriced)
                    + "; give them prices: in arena.yaml");
        }
    }
}
