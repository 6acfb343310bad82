package dev.promptarena.run;

import com.fasterxml.jackson.core.JsonProcessingException;
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
    /** Also handed every record a sequential read yields (null: none); see {@link #tapped}. */
    private final Consumer<? super CaseRecord> tap;
    /** The lines were not parsed when indexed: one that does not parse is an input error naming its line (see {@link #readUnparsed}). */
    private final boolean unparsed;

    private StoredCases(Path file, long[] starts, int[] lengths, int stored, List<CaseRecord> tail, Consumer<? super CaseRecord> tap,
                        boolean unparsed) {
        this.file = file;
        this.starts = starts;
        this.lengths = lengths;
        this.stored = stored;
        this.tail = List.copyOf(tail);
        this.tap = tap;
        this.unparsed = unparsed;
    }

    /**
     * The same cases, whose sequential reads (iterator, forEach) also hand each record to {@code each}, in case order:
     * two writers that need every record (report.json and cases.csv) share one read and parse of cases.jsonl.
     */
    public StoredCases tapped(Consumer<? super CaseRecord> each) {
        return new StoredCases(file, starts, lengths, stored, tail, each, unparsed);
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

    /**
     * A finished run's cases.jsonl, indexed without parsing: for a caller whose first use reads every record before it
     * writes anything ({@code report}: the analysis), which then finds an unreadable line (an input error naming the file
     * and line, as {@link #read} does) in the same read, instead of one more parse of every line up front.
     */
    public static StoredCases readUnparsed(Path file) {
        try {
            StoredCases s = scan(file, Integer.MAX_VALUE, false, List.of());
            return new StoredCases(file, s.starts, s.lengths, s.stored, List.of(), null, true);
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
        CaseLineIndex index = new CaseLineIndex(file, maxLines, validate ? StoredCases::parse : null);
        byte[] chunk = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while (!index.full() && (r = in.read(chunk)) > 0) index.accept(chunk, r);
        }
        index.end();
        return new StoredCases(file, index.starts, index.lengths, index.n, tail, null, false);
    }


    /** Parses one indexed line (the index's check). */
    static void parse(Path file, int lineNo, byte[] line, int len) {
        try {
            READER.readValue(line, 0, len);
        } catch (IOException e) {
            throw new InputException(file, lineNo, null, "unreadable case record: " + e.getMessage());
        }
    }

    private CaseRecord parse(int i, byte[] line) throws IOException {
        try {
            return READER.readValue(line);
        } catch (JsonProcessingException e) {
            if (!unparsed) throw e;
            // Rare: the line number is counted again from the start of the file.
            long newlines = 0;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                for (long k = 0; k < starts[i]; k++) if (in.read() == '\n') newlines++;
            }
            throw new InputException(file, (int) newlines + 1, null, "unreadable case record: " + e.getMessage());
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
            return parse(i, buf.array());
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
            CaseRecord r = record(i);
            if (tap != null) tap.accept(r);
            return r;
        }

        private CaseRecord record(int i) {
            if (i >= stored) return tail.get(i - stored);
            try {
                if (in == null) in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                in.skipNBytes(starts[i] - pos);
                byte[] bytes = in.readNBytes(lengths[i]);
                pos = starts[i] + bytes.length;
                if (bytes.length < lengths[i]) throw new IOException("the file is shorter than when it was read");
                return parse(i, bytes);
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
