package dev.promptarena.input;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads a CSV file with a header row once, giving each record with where its bytes are, so it can be read back by
 * offset instead of held: a quoted cell may span lines, so the offsets are of records, not of lines. OpenCSV parses
 * (the same cells and errors as reading the whole file with it) from lines this class splits from the bytes, which
 * tells where each record starts and ends. Blank rows are skipped; a row with another number of cells than the
 * header is an error at the line it starts on.
 */
public final class CsvRecords {
    /** Receives the header (a byte-order mark taken off its first name), then each record with its position. */
    public interface Sink {
        void header(String[] names);

        /** A record of as many cells as the header, starting at {@code line}; {@code start}, {@code length}, {@code checksum} locate it. */
        void record(String[] cells, int line, long start, int length, int checksum);
    }

    private CsvRecords() {}

    /**
     * Reads every record of {@code file}; returns the SHA-256 of its bytes and fills {@code index}'s size.
     *
     * @param strictUtf8 see {@link ByteLines#ByteLines}
     *
     * @throws InputException for malformed CSV or a row of the wrong width ({@code file:line})
     */
    public static String scan(Path file, RecordIndex index, boolean strictUtf8, Sink sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ByteLines lines = new ByteLines(in, strictUtf8);
            Lines reader = new Lines(lines);
            CSVReader r = new CSVReaderBuilder(reader).withVerifyReader(false).build();
            String[] header = r.readNext();
            if (header == null) {
                index.done(lines.position());
                return lines.sha256();
            }
            if (header.length > 0 && header[0].startsWith("\uFEFF")) header[0] = header[0].substring(1);
            sink.header(header);
            long linesBefore = r.getLinesRead();
            String[] row;
            while (true) {
                reader.recordStarts();
                int line = (int) linesBefore + 1; // a quoted cell may span lines: report where the row starts
                try {
                    if ((row = r.readNext()) == null) break;
                } catch (IOException e) {
                    // OpenCSV reports a quote still open at the end of the file as an IOException whose text quotes the
                    // data; it is the user's CSV, not a read error: name the line where that record starts.
                    if (!reader.atEnd) throw e;
                    throw new InputException(file, line, null, "malformed CSV: a quoted cell of the row starting here is never closed");
                }
                linesBefore = r.getLinesRead();
                if (row.length == 1 && row[0].isBlank()) continue;
                if (row.length != header.length) throw new InputException(file, line, null, "expected " + header.length + " columns, got " + row.length);
                sink.record(row, line, reader.start, (int) (reader.end - reader.start), (int) reader.crc.getValue());
            }
            index.done(lines.position());
            return lines.sha256();
        } catch (CsvException e) {
            throw new InputException(file, (int) e.getLineNumber(), null, "malformed CSV: " + e.getMessage());
        }
    }

    /** The cells of one record read back (its text as {@link #scan} located it). */
    public static String[] cells(String record) {
        // A buffer of the record's size: the default 8 K chars a record made reading back 4x slower (35 -> 9 us a record).
        try (CSVReader r = new CSVReader(new BufferedReader(new StringReader(record), Math.max(1, record.length())))) {
            return r.readNext();
        } catch (IOException | CsvException e) {
            throw new IllegalStateException("a record read back no longer parses: " + e.getMessage(), e);
        }
    }

    /**
     * The lines OpenCSV asks for (it calls {@code readLine} only, with the reader check off), taken from
     * {@link ByteLines}: the bytes of the record being read run from its first line's start to its last line's end,
     * with the line ends between them in the checksum.
     */
    private static final class Lines extends BufferedReader {
        private final ByteLines lines;
        private final CRC32C crc = new CRC32C();
        private boolean first = true;
        private byte[] lastTerminator = {};
        private long start;
        private long end;
        private boolean atEnd;

        Lines(ByteLines lines) {
            super(Reader.nullReader(), 1);
            this.lines = lines;
        }

        void recordStarts() { first = true; }

        @Override
        public String readLine() throws IOException {
            if (!lines.next()) {
                atEnd = true;
                return null;
            }
            if (first) {
                crc.reset();
                start = lines.start();
                first = false;
            } else {
                crc.update(lastTerminator);
            }
            crc.update(lines.bytes(), 0, lines.length());
            end = lines.start() + lines.length();
            lastTerminator = lines.terminator();
            return lines.text();
        }
    }
}
