package dev.promptarena.input;

import dev.promptarena.util.CompactColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Where the records of a validated input file are (offset, length, first line, CRC-32C of the bytes), so they are
 * read back when needed instead of held: at most 20 bytes a record (~14 for a file under 2 GB of lines under 32 KB). A record read back must have the checksum it had and
 * the file its size, else reading stops with {@code file:line: <subject> changed since the run read it}: a file
 * edited during a run must not mix two versions. A file the run wrote itself ({@link #unchecked}: cases.jsonl) has no
 * checksums (their column then holds no array) and may have grown since it was indexed (a run in progress appends to it).
 * Filled by one thread, then read by many.
 */
public final class RecordIndex {
    /** Window of a pass in file order: one read for many records (a read a record cost a system call each). */
    private static final int WINDOW = 1 << 16;

    private final Path file;
    private final String subject;
    private final boolean checked;
    private long size;
    // Each column grows itself and is as narrow as its values: offsets as ints below 2 GB, lengths as shorts below 32 KB.
    private final CompactColumn starts = new CompactColumn(1024), lengths = new CompactColumn(1024);
    private CompactColumn lines = new CompactColumn(1024); // null after done() when record i starts on line i + lineBase
    private int lineBase;
    private final CompactColumn checksums = new CompactColumn(1024);
    private int n;

    /** @param subject names the file in the error for a changed file, e.g. "the golden set" */
    public RecordIndex(Path file, String subject) {
        this(file, subject, true);
    }

    private RecordIndex(Path file, String subject, boolean checked) {
        this.file = file;
        this.subject = subject;
        this.checked = checked;
    }

    /**
     * An index of a file this program wrote and nobody edits: no checksum (the SHA-256 and CRC guard input a user may
     * edit during a run), and the file may be longer than when indexed, not shorter.
     */
    public static RecordIndex unchecked(Path file, String subject) {
        return new RecordIndex(file, subject, false);
    }

    /** Adds a record; its checksum is {@link #checksum} of its bytes (or a {@link CRC32C} over them in pieces; any value if unchecked). */
    public void add(long start, int length, int line, int checksum) {
        starts.set(n, start);
        lengths.set(n, length);
        lines.set(n, line);
        checksums.set(n++, checked ? checksum : 0); // all zero: the column allocates no array
    }

    /** After the last {@link #add}: the file's size as read, and the arrays cut to their records. */
    public RecordIndex done(long fileSize) {
        size = fileSize;
        // Most files have one record a line and no blank line: record i is then on line i + lineBase, kept without the column.
        lineBase = n == 0 ? 1 : lines.getInt(0);
        boolean evenlySpaced = true;
        for (int i = 1; i < n && evenlySpaced; i++) evenlySpaced = lines.getInt(i) == i + lineBase;
        for (CompactColumn c : new CompactColumn[] {starts, lengths, checksums}) c.resize(n);
        if (evenlySpaced) lines = null;
        else lines.resize(n);
        return this;
    }

    public int size() { return n; }

    public Path file() { return file; }

    /** The line record {@code i} starts on. */
    public int line(int i) { return lines == null ? i + lineBase : lines.getInt(i); }

    public static int checksum(byte[] b, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(b, off, len);
        return (int) crc.getValue();
    }

    /** Record {@code i} read alone (its own open file: safe on many threads at once). */
    public String readAlone(int i, String what) {
        return readAlone(i, what, RecordIndex::utf8);
    }

    /** Record {@code i} read alone and decoded from its bytes by {@code decoder}. */
    public <T> T readAlone(int i, String what, Decoder<T> decoder) {
        try (Reader r = new Reader(false)) {
            return r.read(i, what, decoder);
        }
    }

    /** Turns a record's bytes into a value (a parser reading bytes directly saves building a String first). */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] bytes, int offset, int length) throws IOException;
    }

    private static String utf8(byte[] b, int off, int len) { return new String(b, off, len, StandardCharsets.UTF_8); }

    /** The error for a record that is not what was read, at its line. */
    public InputException changed(int i, String what) {
        return new InputException(file, i < 0 ? 0 : line(i), null, subject + " changed since the run read it (" + what
                + "): restore the file the run started with, or start a new run");
    }

    /**
     * Reads records through one open file: in file order a window of records at once, else each record alone (a
     * shuffled view). Not thread-safe; close it after the last read.
     */
    public final class Reader implements AutoCloseable {
        private final boolean ascending;
        private FileChannel channel;
        private ByteBuffer window = ByteBuffer.allocate(0);
        private long windowStart;

        public Reader(boolean ascending) { this.ascending = ascending; }

        /**
         * Record {@code i}'s text, checked against its checksum.
         *
         * @param what the record in the error for a changed file, e.g. "case 'c7'"
         */
        public String read(int i, String what) {
            return read(i, what, RecordIndex::utf8);
        }

        /** Record {@code i} decoded from its bytes by {@code decoder} (checked against its checksum first). */
        public <T> T read(int i, String what, Decoder<T> decoder) {
            try {
                if (channel == null) open();
                long start = starts.get(i);
                int length = lengths.getInt(i);
                if (start < windowStart || start + length > windowStart + window.limit()) fill(start, length);
                int at = (int) (start - windowStart);
                if (checked && checksum(window.array(), at, length) != checksums.getInt(i)) throw changed(i, what + " is not what was read at the start");
                return decoder.decode(window.array(), at, length);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + what + " of " + file, e);
            }
        }

        private void open() throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            long now = channel.size();
            if (checked ? now != size : now < size) {
                close();
                throw new InputException(file, subject + " changed since the run read it (" + size + " bytes then, " + now + " now)"
                        + ": restore the file the run started with, or start a new run");
            }
        }

        private void fill(long start, int length) throws IOException {
            int want = ascending ? Math.max(WINDOW, length) : length;
            if (window.capacity() < want) window = ByteBuffer.allocate(want);
            window.clear().limit((int) Math.min(want, Math.max(length, size - start)));
            while (window.hasRemaining()) {
                if (channel.read(window, start + window.position()) < 0) break;
            }
            window.flip();
            windowStart = start;
            if (window.limit() < length) throw changed(-1, "it is shorter than when the run read it");
        }

        @Override
        public void close() {
            if (channel == null) return;
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only: nothing is lost
            }
            channel = null;
        }
    }
}
