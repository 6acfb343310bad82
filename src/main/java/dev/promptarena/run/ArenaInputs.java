package dev.promptarena.run;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.ConfigLoader;
import dev.promptarena.config.Hashing;
import dev.promptarena.config.InputException;
import dev.promptarena.dataset.DatasetLoader;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.dataset.UserTemplate;
import dev.promptarena.rubric.Rubric;
import dev.promptarena.rubric.RubricLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The validated inputs of a run: config, rubric and golden set, with every template field
 * checked against every case before any call is made.
 */
public record ArenaInputs(ArenaConfig config, Rubric rubric, List<GoldenCase> cases, String datasetSha256) {
    public ArenaInputs {
        cases = List.copyOf(cases);
    }

    public static ArenaInputs load(Path configFile, Map<String, String> env) {
        ArenaConfig config = new ConfigLoader(env).load(configFile);
        Rubric rubric = new RubricLoader().load(config.rubric());
        List<GoldenCase> cases = new DatasetLoader().load(config.dataset());
        UserTemplate ta = new UserTemplate(config.a().userTemplate());
        UserTemplate tb = new UserTemplate(config.b().userTemplate());
        for (GoldenCase c : cases) {
            if (config.a().responses() == null) ta.check(c, config.dataset(), "A");
            if (config.b().responses() == null) tb.check(c, config.dataset(), "B");
        }
        try {
            return new ArenaInputs(config, rubric, cases, Hashing.sha256(Files.readAllBytes(config.dataset())));
        } catch (IOException e) {
            throw new InputException(config.dataset(), "cannot read: " + e.getMessage());
        }
    }

    /** The first {@code limit} cases (all when limit is null). */
    public ArenaInputs limitedTo(Integer limit) {
        if (limit == null || limit >= cases.size()) return this;
        return new ArenaInputs(config, rubric, cases.subList(0, limit), datasetSha256);
    }
}
