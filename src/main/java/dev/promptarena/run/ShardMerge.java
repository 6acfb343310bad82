package dev.promptarena.run;

import dev.promptarena.engine.CallEngine;
import dev.promptarena.engine.EngineSnapshot;
import dev.promptarena.engine.RepeatedSends;
import dev.promptarena.input.InputException;
import dev.promptarena.util.HashSlots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code prompt-arena merge}: turns the folders of shards 1..N ({@code run --shard K/N}) into one run folder
 * holding what a single machine would have recorded: the cases in golden-set order (cases.jsonl,
 * outcomes.jsonl), the shards' journals one after another, their engine counters added up, and a manifest
 * for the whole run. Reports are then derived from it like from any run folder, so their CSVs are
 * byte-identical to a single-machine run's. Everything is checked before the folder is created.
 */
public final class ShardMerge {
    private ShardMerge() {}

    /**
     * The new run folder and what it records.
     *
     * @param repeatedSends requests more than one shard sent and paid for (identical cases in different shards), which
     *                      engine.json counts as often as they were billed and a single machine sends once
     */
    public record Merged(RunDirectory dir, RecordedRun run, RepeatedSends.Summary repeatedSends) {}

    /**
     * @param shardDirs the shard folders, in any order
     * @param runDir    the run folder to create (must not exist, or be empty); null: a new folder beside the first shard
     */
    public static Merged merge(List<Path> shardDirs, Path runDir, ZonedDateTime now) {
        ShardSet set = ShardSet.check(shardDirs);
        ShardInfo anyInfo = set.shards().get(0).info();
        int repeats = anyInfo.repeats();
        // Memory stays flat in the number of cases (issue 21): each shard's cases.jsonl is indexed (12 bytes a case,
        // StoredCases) and checked as it streams by; the whole run's order is one int per case position (its shard).
        int[] owner = new int[anyInfo.cases()];
        java.util.Arrays.fill(owner, -1);
        List<StoredCases> shardCases = new ArrayList<>();
        for (int k = 0; k < set.shards().size(); k++) {
            ShardSet.Member m = set.shards().get(k);
            StoredCases cases = StoredCases.read(m.dir().resolve("cases.jsonl"));
            place(m, k, cases, owner, repeats);
            shardCases.add(cases);
        }
        for (int p = 0; p < owner.length; p++) {
            if (owner[p] < 0) {
                throw new InputException(set.shards().get(0).dir().resolve(ShardInfo.FILE), 0, "positions", "no shard holds case position "
                        + p + " (repeat 0): the shards do not cover the run");
            }
        }
        int total = owner.length * repeats;
        Manifest first = set.shards().get(0).manifest();
        RunDirectory dir = create(runDir, set.shards().get(0).dir(), first.arena(), now);
        Manifest manifest = wholeRun(set, dir.runId(), total);
        EngineSnapshot engine = engineTotals(set);
        dir.writeJson("manifest.json", manifest);
        writeInOrder(dir, "cases.jsonl", shardCases, owner, repeats, r -> r);
        writeInOrder(dir, "outcomes.jsonl", shardCases, owner, repeats, CaseRecord::outcome);
        if (engine != null) dir.writeJson("engine.json", engine);
        RepeatedSends.Summary repeated = concatJournals(set, dir);
        manifest = manifest.withServed(ServedModels.read(dir.file(CallEngine.JOURNAL)));
        dir.writeJson("manifest.json", manifest);
        // The records stay in the merged cases.jsonl, read back as the reports stream through them.
        return new Merged(dir, new RecordedRun(manifest, StoredCases.index(dir.file("cases.jsonl"), total, List.of()), engine), repeated);
    }

    /**
     * Checks a shard's records are exactly the shard's cases, in order, and marks their positions as the shard's.
     * One pass over the file; a case id seen in an earlier case of the shard is found through a table of id hashes
     * holding the record's index (a hash match is confirmed by reading that record back), and a repeat must carry
     * its case's id.
     */
    private static void place(ShardSet.Member m, int shard, StoredCases records, int[] owner, int repeats) {
        Path file = m.dir().resolve("cases.jsonl");
        int[] positions = m.info().positions();
        if (records.size() != positions.length * repeats) {
            throw new InputException(file, 0, null, "shard " + m.info().label() + " records " + records.size() + " cases, but shard.json lists "
                    + positions.length + " cases x " + repeats + " repeats");
        }
        HashSlots firstSeen = new HashSlots();
        int i = 0;
        String groupId = null;
        for (CaseRecord r : records) {
            // cases.jsonl is in golden-set order, repeats together: the j-th case of the shard is at positions[j].
            int expected = positions[i / repeats];
            String id = r.caseId();
            boolean outOfOrder = r.repeat() != i % repeats;
            if (i % repeats == 0) {
                groupId = id;
                long h = HashSlots.hash(id);
                outOfOrder |= firstSeen.get(h, j -> records.get((int) j).caseId().equals(id)) >= 0; // positions are distinct
                firstSeen.put(h, i, j -> false);
            } else {
                outOfOrder |= !id.equals(groupId);
            }
            if (outOfOrder) {
                throw new InputException(file, i + 1, "case_id", "case " + r.caseId() + " repeat " + r.repeat() + " is out of the shard's order");
            }
            if (r.repeat() == 0) {
                if (owner[expected] >= 0) {
                    throw new InputException(file, i + 1, "case_id", "case " + r.caseId() + " is also in another shard");
                }
                owner[expected] = shard;
            }
            i++;
        }
    }

    /** Writes the whole run's records (or what {@code as} makes of them) in case order, streaming from the shards. */
    private static void writeInOrder(RunDirectory dir, String name, List<StoredCases> shards, int[] owner, int repeats,
                                     java.util.function.Function<CaseRecord, Object> as) {
        List<java.util.Iterator<CaseRecord>> its = shards.stream().map(StoredCases::iterator).toList();
        dir.writeAtomically(name, w -> {
            for (int shard : owner) {
                for (int r = 0; r < repeats; r++) RunDirectory.writeJsonLine(w, as.apply(its.get(shard).next()));
            }
            // place() checked every shard holds exactly its positions' records; this also closes each file.
            for (java.util.Iterator<CaseRecord> it : its) if (it.hasNext()) throw new IllegalStateException("a shard has records left over");
        });
    }

    static RunDirectory create(Path runDir, Path firstShard, String arena, ZonedDateTime now) {
        if (runDir != null) return RunDirectory.createExact(runDir);
        return RunDirectory.create(firstShard.toAbsolutePath().normalize().getParent(), arena, now);
    }

    /**
     * The first shard's manifest as the whole run: its own id, every case, the shards' span (earliest start, latest
     * finish), no --shard in the command. Every shard's design changes (e.g. a --seed that replaced the registered one)
     * stay on the whole run: dropping them would let a merged run PASS that no shard could. Served models are added by
     * the caller from the merged journal.
     */
    static Manifest wholeRun(ShardSet set, String runId, int cases) {
        List<Manifest> shards = set.shards().stream().map(ShardSet.Member::manifest).toList();
        Manifest m = shards.get(0);
        // ShardSet.check refused a shard that did not finish: every shard has both times.
        String started = shards.stream().map(Manifest::startedAt).min(Comparator.naturalOrder()).orElseThrow();
        String finished = shards.stream().map(Manifest::finishedAt).max(Comparator.naturalOrder()).orElseThrow();
        List<String> designChanges = shards.stream().map(Manifest::designChanges).filter(java.util.Objects::nonNull)
                .flatMap(List::stream).distinct().toList();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < m.args().size(); i++) {
            String a = m.args().get(i);
            if (a.equals("--shard")) i++;
            else if (!a.startsWith("--shard=")) args.add(a);
        }
        return m.toBuilder().runId(runId).cases(cases).startedAt(started).end(finished, null).args(args).served(null)
                .designChanges(designChanges).build();
    }

    /** The shards' engine counters added up, or null when none recorded any. */
    static EngineSnapshot engineTotals(ShardSet set) {
        return EngineTotals.sum(set.shards().stream().map(m -> RecordedRun.readEngine(m.dir().resolve("engine.json"))).toList());
    }

    /**
     * The shards' journals one after another: the audit trail of every call, and what a resume of the merged folder replays.
     * Returns the requests that more than one shard sent, found on the way.
     */
    static RepeatedSends.Summary concatJournals(ShardSet set, RunDirectory dir) {
        RepeatedSends repeated = new RepeatedSends();
        dir.writeAtomically(CallEngine.JOURNAL, w -> {
            for (ShardSet.Member m : set.shards()) {
                repeated.nextJournal();
                Path journal = m.dir().resolve(CallEngine.JOURNAL);
                if (!Files.exists(journal)) continue;
                try (Stream<String> lines = Files.lines(journal)) {
                    for (String line : (Iterable<String>) lines::iterator) {
                        w.write(line);
                        w.write('\n');
                        repeated.line(line);
                    }
                }
            }
        });
        return repeated.summary();
    }
}
