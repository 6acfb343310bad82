package dev.promptarena.config;

import dev.promptarena.input.YamlNode;
import dev.promptarena.stats.tournament.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the tournament form of {@code variants:}: named variants, exactly one with {@code control: true}, and the
 * optional {@code tournament: {schedule: vs_control | round_robin}}. A config whose variants are exactly A and B and
 * that has no {@code tournament:} key is the two-variant config and never reaches this reader.
 */
final class TournamentConfigReader {
    /** Keys a tournament variant may have: a two-variant variant's, plus {@code control}, minus recorded outputs. */
    static final String[] VARIANT_KEYS = {"provider", "model", "system", "system_file", "user", "user_file", "decoding", "control"};

    /** What reads one variant's generation settings (the two-variant reader, so both forms accept the same keys). */
    interface VariantReader { VariantConfig read(String slot, YamlNode node); }

    private TournamentConfigReader() {}

    /** True when the config asks for a tournament: a {@code tournament:} key, or variants other than exactly A and B. */
    static boolean isTournament(YamlNode root) {
        YamlNode variants = root.require("variants");
        if (root.get("tournament") != null) return true;
        if (!variants.isMapping()) return false;
        return !variants.entries().keySet().equals(java.util.Set.of("A", "B"));
    }

    static TournamentConfig read(YamlNode root, VariantReader reader) {
        YamlNode variants = root.require("variants");
        if (!variants.isMapping() || variants.entries().isEmpty()) {
            throw variants.error("expected a mapping of variant name to its settings, e.g. {baseline: {control: true, ...}, concise: {...}}");
        }
        Map<String, YamlNode> entries = variants.entries();
        if (entries.size() < 2) throw variants.error("a tournament needs at least 2 variants (a control and a candidate), got " + entries.size());
        VariantConfig control = null;
        List<VariantConfig> candidates = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : entries.entrySet()) {
            YamlNode node = e.getValue();
            if (!node.isMapping()) throw node.error("expected the variant's settings (provider, model, system, user, ...)");
            // The key is the variant's name in every table and folder: an empty one labels a variant with nothing.
            if (e.getKey().isBlank()) throw node.error("a tournament variant is named by its key, and this key is empty; give it a name");
            if (node.get("responses") != null) {
                // The per-variant format (id, output) could serve any number of variants, but the tournament runner generates
                // every variant; say exactly what works today rather than ignore the file.
                throw node.get("responses").error("recorded outputs are not read in a tournament yet (every variant is generated);"
                        + " to evaluate recorded outputs, run each candidate against the control as a two-variant config"
                        + " (variants A = the control, B = the candidate, each with responses: FILE of id, output rows)");
            }
            if (node.get("name") != null) throw node.get("name").error("a tournament variant is named by its key ('" + e.getKey() + "'); remove name:");
            node.allowOnly(VARIANT_KEYS);
            boolean isControl = Boolean.TRUE.equals(node.bool("control", false));
            VariantConfig v = reader.read(e.getKey(), node);
            if (!isControl) {
                candidates.add(v);
            } else if (control != null) {
                throw node.get("control").error("only one variant can be the control; '" + control.name() + "' already is");
            } else {
                control = v;
            }
        }
        if (control == null) {
            throw variants.error("no variant has control: true; mark the production variant, e.g. " + entries.keySet().iterator().next()
                    + ": {control: true, ...}");
        }
        List<VariantConfig> all = new ArrayList<>();
        all.add(control);
        all.addAll(candidates);
        Schedule schedule = schedule(root.get("tournament"));
        return new TournamentConfig(all, schedule, schedule == Schedule.ADAPTIVE ? adaptive(root.get("tournament")) : null);
    }

    private static Schedule schedule(YamlNode node) {
        if (node == null) return Schedule.VS_CONTROL;
        node.allowOnly("schedule", "first_pass", "extra_pairs");
        YamlNode s = node.get("schedule");
        String value = s == null ? "vs_control" : s.oneOf("vs_control", "round_robin", "adaptive");
        if (!value.equals("adaptive")) {
            for (String key : new String[] {"first_pass", "extra_pairs"}) {
                if (node.get(key) != null) throw node.get(key).error(key + " applies to schedule: adaptive only");
            }
        }
        return Schedule.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    /** {@code first_pass}: a share of the cases (0 < x < 1) or a count (an integer >= 2); {@code extra_pairs}: an integer >= 0. */
    private static AdaptiveSchedule adaptive(YamlNode node) {
        YamlNode first = node.get("first_pass");
        double share = AdaptiveSchedule.DEFAULT.firstPassShare();
        int count = 0;
        if (first != null) {
            double x = first.number();
            if (x > 0 && x < 1) {
                share = x;
            } else if (x >= 2 && x == Math.rint(x) && x <= Integer.MAX_VALUE) {
                share = Double.NaN;
                count = (int) x;
            } else {
                throw first.error("expected a share of the cases (between 0 and 1, e.g. 0.5) or a number of cases (an integer >= 2), got " + first.text());
            }
        }
        YamlNode extra = node.get("extra_pairs");
        Integer extraPairs = null;
        if (extra != null) {
            double x = extra.number();
            if (!(x >= 0 && x == Math.rint(x) && x <= Integer.MAX_VALUE)) {
                throw extra.error("expected the number of judgings after the first pass (an integer >= 0), got " + extra.text());
            }
            extraPairs = (int) x;
        }
        return new AdaptiveSchedule(share, count, extraPairs);
    }
}
