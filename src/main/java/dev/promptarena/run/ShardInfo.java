package dev.promptarena.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A shard folder's {@code shard.json}: which shard it is and where its cases stand in the whole run, so
 * {@code merge} can restore the single-machine order and prove the shards cover every case exactly once
 * without reading the golden set again.
 *
 * @param index     1-based shard number
 * @param count     number of shards
 * @param cases     golden-set cases in the whole run (after --limit)
 * @param repeats   samples per case
 * @param positions 0-based golden-set positions of this shard's cases, ascending (an {@code int[]}, not boxed: a
 *                  million-case merge reads a position per case; written to JSON as the same array)
 */
public record ShardInfo(int index, int count, int cases, int repeats, int[] positions) {
    public static final String FILE = "shard.json";
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public ShardInfo {
        java.util.Objects.requireNonNull(positions, "positions"); // a shard.json without them: "cannot read", as before
    }

    public String label() { return index + "/" + count; }

    /** The shard.json of a shard folder; null when the folder is a whole run. */
    public static ShardInfo read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) return null;
        try {
            ShardInfo info = JSON.readValue(file.toFile(), ShardInfo.class);
            if (info.count < 1 || info.index < 1 || info.index > info.count || info.repeats < 1) {
                throw new InputException(file, 0, "index", "shard " + info.label() + " is not K/N with 1 <= K <= N");
            }
            return info;
        } catch (IOException e) {
            throw new InputException(file, "cannot read shard description: " + e.getMessage());
        }
    }
}
