package dev.promptarena.dataset;

import dev.promptarena.input.CsvRecords;
import dev.promptarena.input.InputException;
import dev.promptarena.input.RecordIndex;
import dev.promptarena.util.StringColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A CSV golden set read back from its file, record by record, as {@link JsonlGoldenStore} reads JSONL lines: memory
 * holds per case where its record is ({@link RecordIndex}: offset, length, first line,
 * checksum), its id and its tags (equal tag maps shared), not its texts. Every record is validated once by
 * {@link #scan}, with the errors the whole-file reader gave; a record read again must have the checksum it had.
 */
final class CsvGoldenStore implements GoldenStore {
    private final RecordIndex index;
    private final String[] header;
    private final StringColumn ids; // in one column, as JsonlGoldenStore keeps them
    private final TagTable.Frozen tags;
    private final Set<String> fieldNames;
    final String sha256;

    private CsvGoldenStore(Scan s, String sha256) {
        this.index = s.index;
        this.header = s.header;
        this.ids = s.ids.trim();
        this.tags = s.tags.done();
        this.fieldNames = Set.copyOf(s.fieldNames);
        this.sha256 = sha256;
    }

    /**
     * Reads and validates every record, hashing the file's bytes on the way (the manifest's dataset hash), and hands
     * each case to {@code each} in file order.
     */
    static CsvGoldenStore scan(Path file, Consumer<GoldenCase> each) throws IOException {
        Scan s = new Scan(file, each);
        String sha256 = CsvRecords.scan(file, s.index, true, s);
        return new CsvGoldenStore(s, sha256);
    }

    @Override public int size() { return ids.size(); }

    @Override public String id(int i) { return ids.get(i); }

    @Override public Map<String, String> tags(int i) { return tags.tags(i); }

    @Override public Set<String> fieldNames() { return fieldNames; }

    @Override public Cursor cursor(boolean ascending) {
        var reader = index.new Reader(ascending);
        return new Cursor() {
            @Override
            public GoldenCase read(int i) {
                String id = ids.get(i);
                GoldenCase c = DatasetLoader.fromCsv(index.file(), index.line(i), header, CsvRecords.cells(reader.read(i, "case '" + id + "'")));
                if (!c.id().equals(id)) throw index.changed(i, "case '" + id + "' is not what was read at the start");
                return c;
            }

            @Override
            public void close() { reader.close(); }
        };
    }

    private static final class Scan implements CsvRecords.Sink {
        private final Path file;
        private final RecordIndex index;
        private final TagTable tags = new TagTable();
        private String[] header;
        private final StringColumn ids = new StringColumn();
        private final Set<String> fieldNames = new HashSet<>();
        private final Consumer<GoldenCase> each;

        Scan(Path file, Consumer<GoldenCase> each) {
            this.file = file;
            this.index = new RecordIndex(file, "the golden set");
            this.each = each;
        }

        @Override
        public void header(String[] names) {
            if (!List.of(names).contains("id")) throw new InputException(file, 1, "id", "the header row has no 'id' column");
            for (String name : names) {
                // tags.KEY names the segment KEY: without a key its values would form a segment called nothing.
                if (name.trim().startsWith("tags.") && name.trim().substring(5).isBlank()) {
                    throw new InputException(file, 1, name.trim(), "a tags. column names its tag key after the dot, e.g. tags.category");
                }
            }
            header = names;
        }

        @Override
        public void record(String[] cells, int line, long start, int length, int checksum) {
            GoldenCase c = DatasetLoader.fromCsv(file, line, header, cells);
            index.add(start, length, line, checksum);
            ids.append(c.id());
            tags.add(c.tags());
            fieldNames.addAll(c.fields().keySet());
            each.accept(c);
        }
    }
}
