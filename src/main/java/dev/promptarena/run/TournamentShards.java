package dev.promptarena.run;

import dev.promptarena.engine.CallEngine;
import dev.promptarena.engine.EngineSnapshot;
import dev.promptarena.engine.RepeatedSends;
import dev.promptarena.input.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A tournament in shards (issue 21): {@code run --shard K/N} runs this machine's cases (by case id hash, as for two
 * variants) in every pairing, and the shard folder holds a {@code shard.json} at its top and in each pairing's folder;
 * {@code merge} then merges each pairing's shard folders with {@link ShardMerge} and adds the tournament's own files
 * (manifest, tournament.json, the shards' journals and engine counters), so the reports, derived from the folder as
 * {@code report} derives them, equal a single machine's. An adaptive schedule cannot be sharded: stage two is chosen
 * from every first-pass case's votes, which no shard has alone.
 */
public final class TournamentShards {
    private TournamentShards() {}

    /** The cases of {@code shard} (all of them without one); an adaptive schedule with a shard is an input error. */
    static ArenaInputs select(ArenaInputs limited, Shard shard) {
        if (shard == null) return limited;
        if (limited.config().tournament() != null && limited.config().tournament().adaptive() != null) {
            throw new InputException(limited.config().file(), 0, "tournament.schedule", "an adaptive schedule chooses stage two from every"
                    + " first-pass case's votes, which no shard has alone; run it without --shard, or use round_robin or vs_control");
        }
        return limited.onlyCases(shard::contains);
    }

    /** The run folder's name suffix, as a two-variant shard's ("-shard-2-of-8"). */
    static String suffix(Shard shard) { return shard == null ? "" : "-shard-" + shard.index() + "-of-" + shard.count(); }

    /** Writes the shard folder's {@code shard.json} (where its cases stand in the whole run), when sharded. */
    static void describe(RunDirectory dir, ArenaInputs limited, RunOptions options) {
        Shard shard = options.shard();
        if (shard == null) return;
        dir.writeJson(ShardInfo.FILE, new ShardInfo(shard.index(), shard.count(), limited.cases().size(), options.repeats(),
                shard.positions(limited.cases())));
    }

    /** Every pairing of a non-adaptive tournament plays the same cases: its folder gets the tournament's shard.json. */
    static void describePairing(RunDirectory tournament, RunDirectory pairing) {
        Path info = tournament.file(ShardInfo.FILE);
        if (!Files.exists(info)) return;
        try {
            Files.copy(info, pairing.file(ShardInfo.FILE), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pairing.file(ShardInfo.FILE), e);
        }
    }

    /** True when the first folder given to {@code merge} is a tournament's. */
    public static boolean isTournament(List<Path> shardDirs) {
        return !shardDirs.isEmpty() && Files.isRegularFile(shardDirs.get(0).resolve(TournamentFolder.FILE));
    }

    /** The tournament's merged folder, and the requests more than one shard sent (see {@link ShardMerge.Merged}). */
    public record Merged(RunDirectory dir, RepeatedSends.Summary repeatedSends) {}

    /**
     * Merges the shard folders of one tournament into {@code runDir} (null: a new folder beside the first shard). Everything
     * is checked before the folder is created: the shards (as {@link ShardSet} checks them), the same schedule in each, and
     * every pairing's folder in each.
     */
    public static Merged merge(List<Path> shardDirs, Path runDir, ZonedDateTime now) {
        ShardSet set = ShardSet.check(shardDirs);
        ShardSet.Member first = set.shards().get(0);
        TournamentFolder layout = TournamentFolder.read(RunDirectory.open(first.dir()));
        List<List<Path>> pairings = new ArrayList<>();
        for (TournamentFolder.Pairing p : layout.pairs()) pairings.add(new ArrayList<>());
        for (ShardSet.Member m : set.shards()) {
            Path file = m.dir().resolve(TournamentFolder.FILE);
            if (!Files.isRegularFile(file)) throw new InputException(file, "shard " + m.info().label() + " is not a tournament's, the first shard is");
            if (!TournamentFolder.read(RunDirectory.open(m.dir())).equals(layout)) {
                throw new InputException(file, 0, "pairs", "shard " + m.info().label() + " played other pairings than " + first.dir()
                        + "; merge shards of one tournament");
            }
            for (int p = 0; p < layout.pairs().size(); p++) {
                Path pair = m.dir().resolve(layout.pairs().get(p).dir());
                if (!Files.isRegularFile(pair.resolve("cases.jsonl"))) {
                    throw new InputException(pair, "shard " + m.info().label() + " did not finish this pairing; resume it (run --resume), then merge");
                }
                pairings.get(p).add(pair);
            }
        }
        RunDirectory dir = ShardMerge.create(runDir, first.dir(), first.manifest().arena(), now);
        for (int p = 0; p < layout.pairs().size(); p++) ShardMerge.merge(pairings.get(p), dir.file(layout.pairs().get(p).dir()), now);
        int total = first.info().cases() * first.info().repeats();
        RepeatedSends.Summary repeated = ShardMerge.concatJournals(set, dir);
        dir.writeJson("manifest.json", ShardMerge.wholeRun(set, dir.runId(), total)
                .withServed(ServedModels.read(dir.file(CallEngine.JOURNAL))));
        dir.writeJson(TournamentFolder.FILE, layout);
        EngineSnapshot engine = ShardMerge.engineTotals(set);
        if (engine != null) dir.writeJson("engine.json", engine);
        return new Merged(dir, repeated);
    }
}
