package dev.promptarena.run;

import dev.promptarena.engine.EngineOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * Command-line settings of one run (the config holds the rest).
 *
 * @param outDir      parent folder of the run folder (null: the config's output)
 * @param judgeSeed   overrides judge.seed (null: keep)
 * @param window      maximum cases in flight
 * @param limit       only the first N cases (null: all)
 * @param repeats     samples per case
 * @param quiet       no progress output
 * @param args        the command line as typed (manifest)
 * @param engine      cache, budget and retry settings of the engine
 * @param resumeDir   an interrupted run folder to complete (its journal serves finished calls), or null
 * @param runDir      the exact run folder to create ({@code --run-dir}; must not exist or be empty), or null for a
 *                    new time-stamped folder under {@code outDir}
 * @param shard       run only this shard of the cases ({@code --shard K/N}), or null for all
 */
public record RunOptions(Path outDir, Long judgeSeed, int window, Integer limit, int repeats, boolean quiet, List<String> args,
                         EngineOptions engine, Path resumeDir, Path runDir, Shard shard) {
    /** Without {@code --run-dir} and {@code --shard}. */
    public RunOptions(Path outDir, Long judgeSeed, int window, Integer limit, int repeats, boolean quiet, List<String> args,
                      EngineOptions engine, Path resumeDir) {
        this(outDir, judgeSeed, window, limit, repeats, quiet, args, engine, resumeDir, null, null);
    }

    /** Without {@code --shard}. */
    public RunOptions(Path outDir, Long judgeSeed, int window, Integer limit, int repeats, boolean quiet, List<String> args,
                      EngineOptions engine, Path resumeDir, Path runDir) {
        this(outDir, judgeSeed, window, limit, repeats, quiet, args, engine, resumeDir, runDir, null);
    }

    public RunOptions {
        java.util.Objects.requireNonNull(engine, "engine");
        if (window < 1) throw new IllegalArgumentException("window must be >= 1, got: " + window);
        if (repeats < 1) throw new IllegalArgumentException("repeats must be >= 1, got: " + repeats);
        if (limit != null && limit < 1) throw new IllegalArgumentException("limit must be >= 1, got: " + limit);
        args = List.copyOf(args);
    }
}
