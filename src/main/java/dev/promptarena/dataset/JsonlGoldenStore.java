package dev.promptarena.dataset;

import dev.promptarena.input.ByteLines;
import dev.promptarena.input.RecordIndex;
import dev.promptarena.util.StringColumn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A JSONL golden set read back from its file: memory holds per case where its line is ({@link RecordIndex}: offset,
 * length, checksum, and the line number only when lines are not one case each), its id (a byte a character in one
 * {@link StringColumn}) and its tags ({@link TagTable}), about 20 bytes and the id's bytes a case. A run of 100,000
 * cases held every case with its texts for the whole run (~520 bytes a case, heap histograms in bench/README.md); each
 * case is now parsed again when the run reaches it. Every line is validated once by {@link #scan}, with the errors
 * {@link JsonlObjects} gives; a line read again must have the checksum it had, so a golden set edited during the run
 * stops it with a clear error instead of mixing two versions.
 */
final class JsonlGoldenStore implements GoldenStore {
    private final RecordIndex index;
    private final StringColumn ids; // ~11 bytes a case where a String each took ~52 (a million cases: 52 MB)
    private final TagTable.Frozen tags;
    private final Set<String> fieldNames;
    final String sha256;

    private JsonlGoldenStore(RecordIndex index, StringColumn ids, TagTable.Frozen tags, Set<String> fieldNames, String sha256) {
        this.index = index;
        this.ids = ids;
        this.tags = tags;
        this.fieldNames = Set.copyOf(fieldNames);
        this.sha256 = sha256;
    }

    /**
     * Reads and validates every line, hashing the file's bytes on the way (the manifest's dataset hash), and hands each
     * case to {@code each} in file order (the run's template checks: no second pass over the file).
     */
    static JsonlGoldenStore scan(Path file, Consumer<GoldenCase> each) throws IOException {
        RecordIndex index = new RecordIndex(file, "the golden set");
        StringColumn ids = new StringColumn();
        TagTable tags = new TagTable();
        Set<String> fieldNames = new HashSet<>();
        try (InputStream in = Files.newInputStream(file)) {
            ByteLines lines = new ByteLines(in, true); // bad UTF-8 is an error, as it was for the whole-file reader
            while (lines.next()) {
                var node = JsonlObjects.object(file, lines.number(), lines.text());
                if (node == null) continue; // a blank line
                GoldenCase c = DatasetLoader.fromJson(file, lines.number(), node, lines.text());
                index.add(lines.start(), lines.length(), lines.number(), RecordIndex.checksum(lines.bytes(), 0, lines.length()));
                ids.append(c.id());
                tags.add(c.tags());
                fieldNames.addAll(c.fields().keySet());
                each.accept(c);
            }
            return new JsonlGoldenStore(index.done(lines.position()), ids.trim(), tags.done(), fieldNames, lines.sha256());
        }
    }

    @Override public int size() { return ids.size(); }

    @Override public String id(int i) { return ids.get(i); }

    @Override public Map<String, String> tags(int i) { return tags.tags(i); }

    @Override public Set<String> fieldNames() { return fieldNames; }

    @Override public Cursor cursor(boolean ascending) {
        RecordIndex.Reader reader = index.new Reader(ascending);
        return new Cursor() {
            @Override
            public GoldenCase read(int i) {
                String id = ids.get(i);
                String text = reader.read(i, "case '" + id + "'");
                GoldenCase c = DatasetLoader.fromJson(index.file(), index.line(i), JsonlObjects.object(index.file(), index.line(i), text), text);
                if (!c.id().equals(id)) throw index.changed(i, "case '" + id + "' is not what was read at the start");
                return c;
            }

            @Override
            public void close() { reader.close(); }
        };
    }
}
