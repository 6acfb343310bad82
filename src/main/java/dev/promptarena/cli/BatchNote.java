package dev.promptarena.cli;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.WireProtocols;
import dev.promptarena.run.ArenaInputs;
import dev.promptarena.run.RunOptions;
import dev.promptarena.run.RunPipeline;
import dev.promptarena.run.TournamentRun;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The line saying that {@code --batch} changes nothing for this run: no provider it calls has a batch API (the
 * in-process simulator answers every call directly), so without it a user would think batch mode was tried.
 */
final class BatchNote {
    private BatchNote() {}

    /** The note when batch mode is asked and none of the run's providers has a batch API; empty otherwise. */
    static Optional<String> of(ArenaInputs inputs, RunOptions options) {
        if (options.engine().batch() == null) return Optional.empty();
        ArenaConfig config = inputs.config();
        Set<String> used = config.tournament() != null ? TournamentRun.usedProviders(config) : RunPipeline.usedProviders(config, inputs);
        boolean anyBatchApi = used.stream().map(config::provider).filter(Objects::nonNull).map(ProviderConfig::type).anyMatch(WireProtocols::isRemote);
        if (anyBatchApi) return Optional.empty();
        return Optional.of("batch: no provider this run calls" + (used.isEmpty() ? "" : " (" + String.join(", ", used) + ")")
                + " has a batch API; its calls are answered directly, as without --batch");
    }
}
