package dev.promptarena.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.promptarena.input.ByteLines;
import dev.promptarena.input.InputException;
import dev.promptarena.input.JsonProblem;
import dev.promptarena.input.RecordIndex;
import dev.promptarena.util.ClosingIterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The finished cases of a run as a read-only list backed by cases.jsonl: memory holds only where each line is (a
 * {@link RecordIndex} without checksums, as the golden set's reader keeps it: 6 to 12 bytes a case), and every read
 * parses the line again. A run of 100,000 cases kept its records with their texts in memory until the reports were
 * written (about 2.5 KB a case, bench/README.md); the reports now stream them back from the file in case order.
 * Iterating reads the file in windows; {@link #get} reads one line through its own open file, so both are safe from
 * several threads (report.html renders beside report.json). A few records that are not in the file yet (a run in
 * progress, see {@link CaseFiles}) may follow as an in-memory tail.
 */
public final class StoredCases extends AbstractList<CaseRecord> {
    private static final ObjectReader READER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).readerFor(CaseRecord.class);

    private final RecordIndex index;
    private final List<CaseRecord> tail;
    /** Also handed every record a sequential read yields (null: none); see {@link #tapped}. */
    private final Consumer<? super CaseRecord> tap;
    /** The lines were not parsed when indexed: one that does not parse is an input error naming its line (see {@link #readUnparsed}). */
    private final boolean unparsed;

    private StoredCases(RecordIndex index, List<CaseRecord> tail, Consumer<? super CaseRecord> tap, boolean unparsed) {
        this.index = index;
        this.tail = List.copyOf(tail);
        this.tap = tap;
        this.unparsed = unparsed;
    }

    /**
     * The same cases, whose sequential reads (iterator, forEach) also hand each record to {@code each}, in case order:
     * two writers that need every record (report.json and cases.csv) share one read and parse of cases.jsonl.
     */
    public StoredCases tapped(Consumer<? super CaseRecord> each) {
        return new StoredCases(index, tail, each, unparsed);
    }

    /**
     * A finished run's cases.jsonl, every line parsed once to check it (an unreadable line is an input error
     * naming the file and line); blank lines are skipped.
     */
    public static StoredCases read(Path file) {
        return finished(file, true);
    }

    /**
     * A finished run's cases.jsonl, indexed without parsing: for a caller whose first use reads every record before it
     * writes anything ({@code report}: the analysis), which then finds an unreadable line (an input error naming the file
     * and line, as {@link #read} does) in the same read, instead of one more parse of every line up front.
     */
    public static StoredCases readUnparsed(Path file) {
        return finished(file, false);
    }

    private static StoredCases finished(Path file, boolean validate) {
        try {
            return new StoredCases(scan(file, Integer.MAX_VALUE, validate), List.of(), null, !validate);
        } catch (NoSuchFileException e) {
            throw new InputException(file, "not a finished run folder: cases.jsonl is missing");
        } catch (IOException e) {
            throw dev.promptarena.input.ReadErrors.of(file, e);
        }
    }

    /** The first {@code lines} records of a file this run wrote itself (not parsed again here), then {@code tail}. */
    static StoredCases index(Path file, int lines, List<CaseRecord> tail) {
        try {
            return new StoredCases(scan(file, lines, false), tail, null, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Where the first {@code maxLines} non-blank lines are, each parsed on the way when {@code validate}. */
    private static RecordIndex scan(Path file, int maxLines, boolean validate) throws IOException {
        RecordIndex index = RecordIndex.unchecked(file, "cases.jsonl");
        try (InputStream in = Files.newInputStream(file)) {
            ByteLines lines = ByteLines.ownOutput(in);
            while (index.size() < maxLines && lines.next()) {
                if (blank(lines.bytes(), lines.length())) continue;
                if (validate) parse(file, lines.number(), lines.bytes(), 0, lines.length());
                index.add(lines.start(), lines.length(), lines.number(), 0);
            }
            return index.done(lines.position());
        }
    }

    /** Only spaces, tabs and carriage returns: skipped, as JSON-lines readers skip empty lines. */
    private static boolean blank(byte[] line, int len) {
        for (int k = 0; k < len; k++) {
            byte c = line[k];
            if (c != ' ' && c != '\t' && c != '\r') return false;
        }
        return true;
    }

    /** Parses one line, or an input error naming it. */
    private static CaseRecord parse(Path file, int lineNo, byte[] line, int off, int len) {
        try {
            return READER.readValue(line, off, len);
        } catch (IOException e) {
            throw JsonProblem.of(file, lineNo, "unreadable case record", e);
        }
    }

    /** Record {@code i} from its bytes: a line that does not parse is an input error at its line if nothing parsed it before. */
    private CaseRecord decode(int i, byte[] bytes, int off, int len) throws IOException {
        if (unparsed) return parse(index.file(), index.line(i), bytes, off, len);
        return READER.readValue(bytes, off, len);
    }

    private static String what(int i) { return "case " + (i + 1); }

    @Override
    public int size() { return index.size() + tail.size(); }

    @Override
    public CaseRecord get(int i) {
        if (i < 0 || i >= size()) throw new IndexOutOfBoundsException(i);
        if (i >= index.size()) return tail.get(i - index.size());
        return index.readAlone(i, what(i), (b, off, len) -> decode(i, b, off, len));
    }

    /**
     * Reads records by position, in any order, through one open file until closed: report.html reads its worst-first
     * cases this way, where {@link #get} opened the file once for each of them (~7,600 opens at 10,000 cases). Not
     * thread-safe: one a thread.
     */
    public Positional positional() { return new Positional(); }

    /** See {@link #positional()}. */
    public final class Positional implements AutoCloseable {
        private final RecordIndex.Reader reader = index.new Reader(false);

        private Positional() {}

        /** The same record as {@link StoredCases#get}. */
        public CaseRecord get(int i) {
            if (i < 0 || i >= size()) throw new IndexOutOfBoundsException(i);
            if (i >= index.size()) return tail.get(i - index.size());
            return reader.read(i, what(i), (b, off, len) -> decode(i, b, off, len));
        }

        @Override
        public void close() { reader.close(); }
    }

    /** Reads the file front to back. An iterator dropped before its end leaves its open file to the garbage collector. */
    @Override
    public Iterator<CaseRecord> iterator() {
        return new Sequential();
    }

    @Override
    public void forEach(Consumer<? super CaseRecord> action) {
        ClosingIterator.forEachClosing(new Sequential(), action);
    }

    private final class Sequential extends ClosingIterator<CaseRecord> {
        private RecordIndex.Reader reader;

        @Override
        protected int size() { return StoredCases.this.size(); }

        @Override
        protected CaseRecord read(int i) {
            CaseRecord r = record(i);
            if (tap != null) tap.accept(r);
            return r;
        }

        private CaseRecord record(int i) {
            if (i >= index.size()) return tail.get(i - index.size());
            if (reader == null) reader = index.new Reader(true);
            return reader.read(i, what(i), (b, off, len) -> decode(i, b, off, len));
        }

        @Override
        public void close() {
            if (reader == null) return;
            reader.close();
            reader = null;
        }
    }
}
