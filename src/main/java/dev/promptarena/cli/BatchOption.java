package dev.promptarena.cli;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.engine.BatchOptions;
import dev.promptarena.engine.EngineOptions;
import dev.promptarena.util.TerminalText;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** {@code run --batch} (a picocli mixin): provider batch jobs instead of synchronous calls (issue 21). */
public final class BatchOption {
    @Option(names = "--batch", description = "Send the calls as provider batch jobs (OpenAI Batch, Anthropic Message Batches: half the"
            + " price, answers within 24 h): all generations, then all judge calls; same as engine: {mode: batch}.")
    boolean batch;

    /** True when the flag or the config's {@code engine.mode: batch} asks for batch mode. */
    boolean on(ArenaConfig config) { return batch || config.batch().enabled(); }

    /** {@code e} in batch mode when asked; batch states go to stderr like the progress line, and not under {@code -q}. */
    EngineOptions apply(EngineOptions e, ArenaConfig config, boolean quiet, PrintStream err) {
        // The states carry the provider's words (batch ids, error texts): printed without terminal control sequences.
        return on(config) ? e.withBatch(BatchOptions.of(config.batch().retry(), quiet ? null : s -> err.println(TerminalText.plain(s)))
                .withPollSeconds(config.batch().pollSeconds())) : e;
    }
}
