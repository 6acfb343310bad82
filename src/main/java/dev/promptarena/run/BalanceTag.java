package dev.promptarena.run;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.JudgeConfig;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.dataset.GoldenSet;
import dev.promptarena.input.DidYouMean;
import dev.promptarena.input.InputException;
import java.util.List;
import java.util.Set;

/**
 * The tag key whose segments the presentation order is balanced within: {@code judge.balance_by} when given (the
 * segment the team will read results by), else the alphabetically first tag key of the cases (the default, unchanged
 * since balancing was added), or none for untagged cases.
 */
final class BalanceTag {
    private BalanceTag() {}

    /** The balancing key of this run, or null when the cases have no tags and none is configured. */
    static String key(ArenaConfig config, List<GoldenCase> cases) {
        JudgeConfig.BalanceBy configured = configured(config);
        if (configured != null) return configured.tagKey();
        return GoldenSet.of(cases).tagKeys().stream().findFirst().orElse(null);
    }

    /** Refuses a {@code balance_by} that no case of the golden set has as a tag key (config file and line, exit 2). */
    static void check(ArenaConfig config, List<GoldenCase> cases) {
        JudgeConfig.BalanceBy b = configured(config);
        if (b == null) return;
        Set<String> keys = GoldenSet.of(cases).tagKeys();
        if (keys.contains(b.tagKey())) return;
        String hint = DidYouMean.nearest(b.tagKey(), keys);
        throw new InputException(config.file(), b.line(), "judge.balance_by", "no case of " + config.dataset() + " has the tag '"
                + b.tagKey() + "'" + (hint != null ? " (did you mean '" + hint + "'?)" : "")
                + (keys.isEmpty() ? "; its cases have no tags" : "; tag keys: " + String.join(", ", keys)));
    }

    private static JudgeConfig.BalanceBy configured(ArenaConfig config) {
        return config.judges().isEmpty() ? null : config.judges().get(0).balanceBy();
    }
}
