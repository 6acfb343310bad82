package dev.promptarena.config;

import dev.promptarena.decision.SequentialSpec;
import dev.promptarena.input.YamlNode;
import dev.promptarena.stats.sequential.Spending;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code decision.sequential:}; every error names the file, line and key.
 * <pre>
 * decision:
 *   sequential:
 *     method: group_sequential      # or anytime (a confidence sequence: no looks to plan)
 *     looks: [0.25, 0.5, 0.75, 1.0] # fractions of the planned cases; or: every: 50
 *     spending: obrien_fleming      # or pocock (Lan-DeMets)
 *     futility: none                # or obrien_fleming / pocock (non-binding beta spending)
 *     power: 0.8                    # the futility boundaries' design power
 * </pre>
 */
final class SequentialConfigReader {
    private SequentialConfigReader() {}

    static SequentialSpec read(YamlNode node) {
        if (node == null) return null;
        node.allowOnly("method", "looks", "every", "spending", "futility", "power");
        YamlNode m = node.get("method");
        SequentialSpec.Method method = m == null ? SequentialSpec.Method.GROUP_SEQUENTIAL
                : SequentialSpec.Method.valueOf(m.oneOf("group_sequential", "anytime").toUpperCase(Locale.ROOT));
        YamlNode looks = node.get("looks"), every = node.get("every"), futility = node.get("futility");
        if (method == SequentialSpec.Method.ANYTIME) {
            for (YamlNode n : new YamlNode[] {looks, every, futility}) {
                if (n != null) throw n.error("does not apply to method: anytime (it may stop after any case)");
            }
        } else if ((looks == null) == (every == null)) {
            throw (looks != null ? looks : node).error("give either looks (fractions of the planned cases, e.g. [0.25, 0.5, 0.75, 1.0]) or every (judged cases between looks)");
        }
        List<Double> fractions = new ArrayList<>();
        if (looks != null) {
            double prev = 0;
            for (YamlNode f : looks.list()) {
                double t = f.number();
                if (!(t > prev && t <= 1)) throw f.error("look fractions must increase within (0, 1], got " + f.text() + " after " + prev);
                fractions.add(t);
                prev = t;
            }
            if (fractions.isEmpty()) throw looks.error("needs at least one look");
            if (fractions.size() > 20) throw looks.error("at most 20 looks, got " + fractions.size());
            if (fractions.get(fractions.size() - 1) != 1.0) throw looks.error("the last look must be 1.0 (all planned cases), got " + prev);
        }
        int everyCases = 0;
        if (every != null) {
            long k = every.integer();
            if (k < 1) throw every.error("must be at least 1 judged case, got " + k);
            everyCases = (int) Math.min(k, Integer.MAX_VALUE);
        }
        double power = node.number("power", 0.8);
        if (!(power > 0.5 && power < 1)) throw node.get("power").error("must be in (0.5, 1), got " + power);
        Spending futilitySpending = futility == null || futility.oneOf("none", "obrien_fleming", "pocock").equals("none") ? null
                : spending(futility);
        YamlNode sp = node.get("spending");
        return new SequentialSpec(method, fractions, everyCases, sp == null ? Spending.OBRIEN_FLEMING : spending(sp), futilitySpending, power);
    }

    private static Spending spending(YamlNode n) {
        return Spending.valueOf(n.oneOf("obrien_fleming", "pocock").toUpperCase(Locale.ROOT));
    }
}
