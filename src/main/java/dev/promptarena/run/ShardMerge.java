package dev.promptarena.run;

import dev.promptarena.engine.CallEngine;
import dev.promptarena.engine.EngineSnapshot;
import dev.promptarena.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The new run folder and what it records. */
    public record Merged(RunDirectory dir, RecordedRun run) {}

    /**
     * @param shardDirs the shard folders, in any order
     * @param runDir    the run folder to create (must not exist, or be empty); null: a new folder beside the first shard
     */
    public static Merged merge(List<Path> shardDirs, Path runDir, ZonedDateTime now) {
        ShardSet set = ShardSet.check(shardDirs);
        ShardInfo anyInfo = set.shards().get(0).info();
        int repeats = anyInfo.repeats();
        CaseRecord[] ordered = new CaseRecord[anyInfo.cases() * repeats];
        for (ShardSet.Member m : set.shards()) place(m, RecordedRun.readCases(m.dir().resolve("cases.jsonl")), ordered, repeats);
        for (int p = 0; p < ordered.length; p++) {
            if (ordered[p] == null) {
                throw new InputException(set.shards().get(0).dir().resolve(ShardInfo.FILE), 0, "positions", "no shard holds case position "
                        + p / repeats + " (repeat " + p % repeats + "): the shards do not cover the run");
            }
        }
        List<CaseRecord> records = List.of(ordered);
        Manifest first = set.shards().get(0).manifest();
        RunDirectory dir = create(runDir, set.shards().get(0).dir(), first.arena(), now);
        String started = set.shards().stream().map(m -> m.manifest().startedAt()).min(Comparator.naturalOrder()).orElseThrow();
        String finished = set.shards().stream().map(m -> m.manifest().finishedAt()).max(Comparator.naturalOrder()).orElseThrow();
        // Every shard's design changes (e.g. a --seed that replaced the registered one) stay on the whole run: dropping
        // them would let a merged run PASS that no shard could. Served models come from the merged journal below.
        List<String> designChanges = set.shards().stream().map(m -> m.manifest().designChanges()).filter(java.util.Objects::nonNull)
                .flatMap(List::stream).distinct().toList();
        Manifest manifest = wholeRun(first, dir.runId(), records.size(), started, finished, designChanges);
        EngineSnapshot engine = EngineTotals.sum(set.shards().stream().map(m -> RecordedRun.readEngine(m.dir().resolve("engine.json"))).toList());
        dir.writeJson("manifest.json", manifest);
        dir.writeJsonLines("cases.jsonl", records);
        dir.writeJsonLines("outcomes.jsonl", records.stream().map(CaseRecord::outcome).toList());
        if (engine != null) dir.writeJson("engine.json", engine);
        concatJournals(set, dir);
        manifest = manifest.withServed(ServedModels.read(dir.file(CallEngine.JOURNAL)));
        dir.writeJson("manifest.json", manifest);
        return new Merged(dir, new RecordedRun(manifest, records, engine));
    }

    /** Puts a shard's records at their positions in the whole run, checking they are exactly the shard's cases. */
    private static void place(ShardSet.Member m, List<CaseRecord> records, CaseRecord[] ordered, int repeats) {
        Path file = m.dir().resolve("cases.jsonl");
        List<Integer> positions = m.info().positions();
        if (records.size() != positions.size() * repeats) {
            throw new InputException(file, 0, null, "shard " + m.info().label() + " records " + records.size() + " cases, but shard.json lists "
                    + positions.size() + " cases x " + repeats + " repeats");
        }
        Map<String, Integer> caseIndex = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            CaseRecord r = records.get(i);
            // cases.jsonl is in golden-set order, repeats together: the j-th case of the shard is at positions[j].
            Integer expected = positions.get(i / repeats);
            Integer seen = caseIndex.putIfAbsent(r.caseId(), expected);
            if ((seen != null && !seen.equals(expected)) || r.repeat() != i % repeats) {
                throw new InputException(file, i + 1, "case_id", "case " + r.caseId() + " repeat " + r.repeat() + " is out of the shard's order");
            }
            int p = expected * repeats + r.repeat();
            if (ordered[p] != null) {
                throw new InputException(file, i + 1, "case_id", "case " + r.caseId() + " is also in another shard");
            }
            ordered[p] = r;
        }
    }

    private static RunDirectory create(Path runDir, Path firstShard, String arena, ZonedDateTime now) {
        if (runDir != null) return RunDirectory.createExact(runDir);
        return RunDirectory.create(firstShard.toAbsolutePath().normalize().getParent(), arena, now);
    }

    /** The first shard's manifest as the whole run: its own id, every case, the shards' span, no --shard in the command. */
    private static Manifest wholeRun(Manifest m, String runId, int cases, String started, String finished, List<String> designChanges) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < m.args().size(); i++) {
            String a = m.args().get(i);
            if (a.equals("--shard")) i++;
            else if (!a.startsWith("--shard=")) args.add(a);
        }
        return new Manifest(m.schemaVersion(), m.tool(), m.toolVersion(), runId, m.arena(), m.configFile(), m.configSha256(), m.datasetFile(),
                m.datasetSha256(), m.rubricFile(), m.rubricSha256(), m.judgeTemplateSha256(), cases, m.repeats(), m.variants(), m.judge(),
                m.providers(), m.axes(), m.policy(), started, finished, false, null, args, m.embedderModel(), m.referenceJudgeMargin(),
                m.judges(), m.modelFamilies(), m.selfPreference(), null, designChanges, m.sequential());
    }

    /** The shards' journals one after another: the audit trail of every call, and what a resume of the merged folder replays. */
    private static void concatJournals(ShardSet set, RunDirectory dir) {
        dir.writeAtomically(CallEngine.JOURNAL, w -> {
            for (ShardSet.Member m : set.shards()) {
                Path journal = m.dir().resolve(CallEngine.JOURNAL);
                if (!Files.exists(journal)) continue;
                try (Stream<String> lines = Files.lines(journal)) {
                    for (String line : (Iterable<String>) lines::iterator) {
                        w.write(line);
                        w.write('\n');
                    }
                }
            }
        });
    }
}
