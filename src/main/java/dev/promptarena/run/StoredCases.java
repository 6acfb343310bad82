package dev.promptarena.run;

import dev.promptarena.util.ClosingIterator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.input.InputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The finished cases of a run as a read-only list backed by cases.jsonl: memory holds only each line's byte
 * offset and length (12 bytes a case), and every read parses the line again. A run of 100,000 cases kept its
 * records with their texts in memory until the reports were written (about 2.5 KB a case, bench/README.md);
 * the reports now stream them back from the file in case order. Iterating reads the file sequentially; {@link #get}
 * reads one line with a positional read, so both are safe from several threads (report.html renders beside
 * report.json). A few records that are not in the file yet (a run in progress, see {@link CaseFiles}) may follow
 * as an in-memory tail.
 */
public final class StoredCases extends AbstractList<CaseRecord> {
    private static final ObjectReader READER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).readerFor(CaseRecord.class);

    private final Path file;
    private final long[] starts;
    private final int[] lengths;
    private final int stored;
    private final List<CaseRecord> tail;

    private StoredCases(Path file, long[] starts, int[] lengths, int stored, List<CaseRecord> tail) {
        this.file = file;
        this.starts = starts;
        this.lengths = lengths;
        this.stored = stored;
        this.tail = List.copyOf(tail);
    }

    /**
     * A finished run's cases.jsonl, every line parsed once to check it (an unreadable line is an input error
     * naming the file and line); blank lines are skipped.
     */
    public static StoredCases read(Path file) {
        try {
            return scan(file, Integer.MAX_VALUE, true, List.of());
        } catch (NoSuchFileException e) {
            throw new InputException(file, "not a finished run folder: cases.jsonl is missing");
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
    }

    /** The first {@code lines} records of a file this run wrote itself (not parsed again here), then {@code tail}. */
    static StoredCases index(Path file, int lines, List<CaseRecord> tail) {
        try {
            return scan(file, lines, false, tail);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static StoredCases scan(Path file, int maxLines, boolean validate, List<CaseRecord> tail) throws IOException {
        Index index = new Index(file, maxLines, validate);
        byte[] chunk = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while (!index.full() && (r = in.read(chunk)) > 0) index.accept(chunk, r);
        }
        index.end();
        return new StoredCases(file, index.starts, index.lengths, index.n, tail);
    }

    /** Finds the lines of the file chunk by chunk (a read per byte made indexing a 1 GB file take seconds). */
    private static final class Index {
        private final Path file;
        private final int maxLines;
        private final boolean validate;
        private long[] starts = new long[1024];
        private int[] lengths = new int[1024];
        private int n;
        private int lineNo;
        private byte[] line = new byte[1 << 12];
        private long pos;
        private long lineStart;
        private int len;
        private boolean blank = true;

        Index(Path file, int maxLines, boolean validate) {
            this.file = file;
            this.maxLines = maxLines;
            this.validate = validate;
        }

        boolean full() { return n >= maxLines; }

        void accept(byte[] chunk, int count) {
            for (int k = 0; k < count && !full(); k++) {
                byte c = chunk[k];
                pos++;
                if (c == '\n') {
                    endLine();
                    lineStart = pos;
                    continue;
                }
                if (validate) {
                    if (len == line.length) line = Arrays.copyOf(line, len * 2);
                    line[len] = c;
                }
                len++;
                if (c != ' ' && c != '\t' && c != '\r') blank = false;
            }
        }

        /** The last line may lack its newline. */
        void end() {
            if (!full() && len > 0) endLine();
        }

        private void endLine() {
            lineNo++;
            if (!blank) {
                if (validate) parse(file, lineNo, line, len);
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                    lengths = Arrays.copyOf(lengths, n * 2);
                }
                starts[n] = lineStart;
                lengths[n] = len;
                n++;
            }
            len = 0;
            blank = true;
        }
    }

    private static void parse(Path file, int lineNo, byte[] line, int len) {
        try {
            READER.readValue(line, 0, len);
        } catch (IOException e) {
            throw new InputException(file, lineNo, null, "unreadable case record: " + e.getMessage());
        }
    }

    @Override
    public int size() { return stored + tail.size(); }

    @Override
    public CaseRecord get(int i) {
        if (i < 0 || i >= size()) throw new IndexOutOfBoundsException(i);
        if (i >= stored) return tail.get(i - stored);
        ByteBuffer buf = ByteBuffer.allocate(lengths[i]);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buf.hasRemaining()) {
                if (ch.read(buf, starts[i] + buf.position()) < 0) throw new IOException("the file is shorter than when it was read");
            }
            return READER.readValue(buf.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read case " + (i + 1) + " of " + file, e);
        }
    }

    /** Reads the file front to back. An iterator dropped before its end leaves its stream to the garbage collector. */
    @Override
    public Iterator<CaseRecord> iterator() {
        return new Sequential();
    }

    @Override
    public void forEach(Consumer<? super CaseRecord> action) {
        ClosingIterator.forEachClosing(new Sequential(), action);
    }

    private final class Sequential extends ClosingIterator<CaseRecord> {
        private InputStream in;
        private long pos;

        @Override
        protected int size() { return StoredCases.this.size(); }

        @Override
        protected CaseRecord read(int i) {
            if (i >= stored) return tail.get(i - stored);
            try {
                if (in == null) in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                in.skipNBytes(starts[i] - pos);
                byte[] bytes = in.readNBytes(lengths[i]);
                pos = starts[i] + bytes.length;
                if (bytes.length < lengths[i]) throw new IOException("the file is shorter than when it was read");
                return READER.readValue(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read case " + (i + 1) + " of " + file, e);
            }
        }

        @Override
        public void close() {
            if (in == null) return;
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only: nothing is lost
            }
            in = null;
        }
    }
}
