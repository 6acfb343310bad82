package dev.promptarena.judge;

import dev.promptarena.config.JudgeConfig;
import dev.promptarena.config.VariantConfig;
import dev.promptarena.stats.SelfPreference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Finds judges that share a model family with a variant under test. */
public final class SelfPreferenceCheck {
    private SelfPreferenceCheck() {}

    /** One finding per (judge, variant, shared family), in judge then variant order. */
    public static List<SelfPreference> find(List<JudgeConfig> judges, List<VariantConfig> variants, ModelFamilies families) {
        List<SelfPreference> out = new ArrayList<>();
        for (JudgeConfig j : judges) {
            Set<String> judgeFamilies = families.of(j.model());
            for (VariantConfig v : variants) {
                // Recorded responses count too when their model is named (the default "recorded" has no family).
                for (String f : families.of(v.model())) {
                    if (judgeFamilies.contains(f)) out.add(new SelfPreference(j.id(), j.model(), v.slot(), v.model(), f));
                }
            }
        }
        return out;
    }
}
