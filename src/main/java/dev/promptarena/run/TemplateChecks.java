package dev.promptarena.run;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.dataset.UserTemplate;
import dev.promptarena.input.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every user template checked against every case as the dataset loader scans the golden set (one parse of each line
 * at start-up instead of two). The error a run reports is the one the former pass after loading reported: the loader's
 * own errors first (it throws them itself), then {@link #throwFirst} gives the first case lacking a field of A's or B's
 * template (A before B within a case), else the first such case of each tournament variant in the config's order.
 */
final class TemplateChecks implements Consumer<GoldenCase> {
    /** The templates checked together per case: A and B, then one group per tournament variant. */
    private record Check(UserTemplate template, String variant) {}

    private final ArenaConfig config;
    private final List<List<Check>> groups = new ArrayList<>();
    private final InputException[] first;

    TemplateChecks(ArenaConfig config) {
        this.config = config;
        List<Check> ab = new ArrayList<>();
        if (config.a().responses() == null) ab.add(new Check(new UserTemplate(config.a().userTemplate()), "A"));
        if (config.b().responses() == null) ab.add(new Check(new UserTemplate(config.b().userTemplate()), "B"));
        groups.add(ab);
        if (config.tournament() != null) {
            // Every variant of a tournament, not only the two that stand in as A and B.
            for (var v : config.tournament().variants()) groups.add(List.of(new Check(new UserTemplate(v.userTemplate()), v.name())));
        }
        first = new InputException[groups.size()];
    }

    @Override
    public void accept(GoldenCase c) {
        for (int g = 0; g < groups.size(); g++) {
            if (first[g] != null) continue;
            try {
                for (Check check : groups.get(g)) check.template().check(c, config.dataset(), check.variant());
            } catch (InputException e) {
                first[g] = e;
            }
        }
    }

    /** Throws the first error found, in the order described above; returns when every case has every field. */
    void throwFirst() {
        for (InputException e : first) if (e != null) throw e;
    }
}
