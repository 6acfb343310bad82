package dev.promptarena.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.promptarena.dataset.JsonlObjects;
import dev.promptarena.input.ByteLines;
import dev.promptarena.input.CaseIds;
import dev.promptarena.input.CsvRecords;
import dev.promptarena.input.InputException;
import dev.promptarena.input.RecordIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows of a recorded-responses file: JSONL (one object per line) or, for a {@code .csv} name, CSV with a header
 * row. CSV cells become JSON strings (an empty cell counts as absent), so both formats are validated by the same
 * code. The file is read once to check its syntax (every malformed row before any other error, as when it was read
 * whole) and the rows are then read back by offset ({@link RecordIndex}): a 100,000-case run no longer holds every
 * response text.
 */
final class RecordedRows {
    /** One row, the line it starts on and its text (a number id keeps its digits from it, as in a golden set). */
    record Row(Path file, int line, Map<String, JsonNode> fields, String source) {
        /** The golden case this row answers for, read as golden-set ids are read ({@link CaseIds}); "" when absent. */
        String id() { return CaseIds.fromJson(file, line, "id", fields.get("id"), source); }
    }

    private final Path file;
    private final RecordIndex index;
    private final String[] header; // null for JSONL
    final String sha256;

    private RecordedRows(Path file, RecordIndex index, String[] header, String sha256) {
        this.file = file;
        this.index = index;
        this.header = header;
        this.sha256 = sha256;
    }

    static RecordedRows read(Path file) {
        try {
            RecordIndex index = new RecordIndex(file, "the recorded responses");
            boolean csv = file.getFileName().toString().toLowerCase().endsWith(".csv");
            String[][] header = new String[1][];
            // Bad UTF-8 becomes U+FFFD, as when the file was decoded whole with new String(bytes, UTF_8).
            String sha256 = csv ? CsvRecords.scan(file, index, false, new CsvRecords.Sink() {
                @Override public void header(String[] names) { header[0] = names; }

                @Override public void record(String[] cells, int line, long start, int length, int checksum) {
                    index.add(start, length, line, checksum);
                }
            }) : jsonl(file, index);
            if (index.size() == 0) throw new InputException(file, 1, null, "the file has no responses");
            return new RecordedRows(file, index, header[0], sha256);
        } catch (NoSuchFileException e) {
            throw new InputException(file, "file not found");
        } catch (IOException e) {
            throw dev.promptarena.input.ReadErrors.of(file, e);
        }
    }

    private static String jsonl(Path file, RecordIndex index) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ByteLines lines = new ByteLines(in, false);
            while (lines.next()) {
                if (JsonlObjects.object(file, lines.number(), lines.text()) == null) continue;
                index.add(lines.start(), lines.length(), lines.number(), RecordIndex.checksum(lines.bytes(), 0, lines.length()));
            }
            index.done(lines.position());
            return lines.sha256();
        }
    }

    Path file() { return file; }

    int size() { return index.size(); }

    int line(int i) { return index.line(i); }

    /** Reads rows in file order through one open file; close it after the last. */
    RecordIndex.Reader reader() { return index.new Reader(true); }

    Row read(RecordIndex.Reader reader, int i) { return row(i, reader.read(i, "the row at line " + index.line(i))); }

    /** Row {@code i} read alone (safe on many threads at once). */
    Row readAlone(int i) { return row(i, index.readAlone(i, "the row at line " + index.line(i))); }

    private Row row(int i, String text) {
        int line = index.line(i);
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (header == null) {
            JsonlObjects.object(file, line, text).fields().forEachRemaining(e -> { if (!e.getValue().isNull()) fields.put(e.getKey(), e.getValue()); });
        } else {
            String[] cells = CsvRecords.cells(text);
            for (int k = 0; k < header.length; k++) {
                if (!cells[k].isEmpty()) fields.put(header[k].trim(), TextNode.valueOf(cells[k]));
            }
        }
        return new Row(file, line, fields, text);
    }
}
