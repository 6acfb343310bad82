package dev.promptarena.run;

import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The shard folders given to {@code merge}, checked before anything is written: each is a finished shard
 * folder, they are exactly shards 1..N of one N, and they ran the same design (config, golden set, rubric and
 * judge template by hash, judges with their seeds, variants with their decoding, policy, repeats, case count).
 * Any mismatch is an input error naming the folder and the field that differs.
 *
 * @param shards the shards in shard order (1..N), with their manifests
 */
record ShardSet(List<Member> shards) {
    /** One shard folder. */
    record Member(Path dir, Manifest manifest, ShardInfo info) {}

    /** What every shard must agree on: the design, not when or where it ran. */
    private static final Map<String, Function<Member, Object>> SAME = designFields();

    static ShardSet check(List<Path> dirs) {
        if (dirs.isEmpty()) throw new IllegalArgumentException("give the shard folders to merge");
        TreeMap<Integer, Member> byIndex = new TreeMap<>();
        Set<Path> seen = new HashSet<>();
        Integer count = null;
        for (Path dir : dirs) {
            // The same folder twice (e.g. a shell glob that also matched the `latest` link) counts once.
            if (!seen.add(realPath(dir))) continue;
            Member m = read(dir);
            if (count != null && m.info().count() != count) {
                throw new InputException(dir.resolve(ShardInfo.FILE), 0, "count", "shard " + m.info().label() + " is one of "
                        + m.info().count() + " shards, but " + byIndex.firstEntry().getValue().dir() + " is one of " + count);
            }
            count = m.info().count();
            Member before = byIndex.put(m.info().index(), m);
            if (before != null) {
                throw new InputException(dir.resolve(ShardInfo.FILE), 0, "index", "shard " + m.info().label()
                        + " is given twice: " + before.dir() + " and " + dir);
            }
        }
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            if (!byIndex.containsKey(k)) missing.add(k + "/" + count);
        }
        if (!missing.isEmpty()) {
            throw new InputException(dirs.get(0).resolve(ShardInfo.FILE), 0, "index", "shard" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " missing: merge needs every shard 1.." + count + " exactly once");
        }
        List<Member> ordered = List.copyOf(byIndex.values());
        Member first = ordered.get(0);
        for (Member m : ordered.subList(1, ordered.size())) {
            SAME.forEach((field, value) -> {
                if (!Objects.equals(value.apply(first), value.apply(m))) {
                    throw new InputException(m.dir().resolve("manifest.json"), 0, field, "shard " + m.info().label()
                            + " ran a different design than shard " + first.info().label() + " (" + first.dir() + "): "
                            + value.apply(m) + " vs " + value.apply(first));
                }
            });
        }
        return new ShardSet(ordered);
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize(); // missing: read() names it
        }
    }

    private static Member read(Path dir) {
        if (!Files.isDirectory(dir)) throw new InputException(dir, "not a folder");
        ShardInfo info = ShardInfo.read(dir);
        if (info == null) {
            throw new InputException(dir.resolve(ShardInfo.FILE), "not a shard folder (shard.json is missing): make shards with run --shard K/N");
        }
        Manifest manifest = ManifestFactory.read(dir.resolve("manifest.json"));
        if (manifest.finishedAt() == null || manifest.partial()) {
            String why = manifest.finishedAt() == null ? "did not finish" : "is partial (" + manifest.partialReason() + ")";
            throw new InputException(dir.resolve("manifest.json"), 0, "partial", "shard " + info.label() + " " + why
                    + ": complete it with prompt-arena run --resume " + dir + " before merging");
        }
        return new Member(dir, manifest, info);
    }

    private static Map<String, Function<Member, Object>> designFields() {
        Map<String, Function<Member, Object>> f = new java.util.LinkedHashMap<>();
        f.put("configSha256", m -> m.manifest().configSha256());
        f.put("datasetSha256", m -> m.manifest().datasetSha256());
        f.put("rubricSha256", m -> m.manifest().rubricSha256());
        f.put("judgeTemplateSha256", m -> m.manifest().judgeTemplateSha256());
        f.put("judges", m -> m.manifest().judges());
        f.put("judge", m -> m.manifest().judge());
        f.put("referenceJudgeMargin", m -> m.manifest().referenceJudgeMargin());
        f.put("variants", m -> m.manifest().variants());
        f.put("policy", m -> m.manifest().policy());
        f.put("axes", m -> m.manifest().axes());
        f.put("embedderModel", m -> m.manifest().embedderModel());
        f.put("toolVersion", m -> m.manifest().toolVersion());
        f.put("repeats", m -> m.info().repeats());
        f.put("cases", m -> m.info().cases());
        return f;
    }
}
