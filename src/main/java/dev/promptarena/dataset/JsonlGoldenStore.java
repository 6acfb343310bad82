package dev.promptarena.dataset;

import dev.promptarena.input.InputException;
import dev.promptarena.util.StringColumn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A JSONL golden set read back from its file: memory holds per case where its line is (offset, length, line number),
 * a checksum of the line, its id and its tags (tag maps are shared: a golden set has few distinct ones, ids are UTF-8
 * bytes in one {@link StringColumn}), about 30 bytes and the id's bytes a case. A run of 100,000 cases held every case with its texts for the whole run (~520 bytes a case, heap
 * histograms in bench/README.md); each case is now parsed again when the run reaches it. Every line is validated
 * once by {@link #scan}, with the errors {@link JsonlObjects} gives; a line read again must have the checksum it had,
 * so a golden set edited during the run stops it with a clear error instead of mixing two versions.
 */
final class JsonlGoldenStore implements GoldenStore {
    /** Window of a pass in file order: one read for many lines (a read a line cost a system call each). */
    private static final int WINDOW = 1 << 16;

    private final Path file;
    private final long bytes;
    private final long[] starts;
    private final int[] lengths;
    private final int[] lines;    // null when case i is on line i + 1 (no blank line), as in most files: 4 bytes a case
    private final int[] checksums;
    private final StringColumn ids; // ~11 bytes a case where a String each took ~52 (a million cases: 52 MB)
    private final int[] tagCodes; // null when every case has the same tags (most often none): 4 bytes a case
    private final List<Map<String, String>> tagMaps;
    final String sha256;

    private JsonlGoldenStore(Scan s) {
        this.file = s.file;
        this.bytes = s.pos;
        this.starts = Arrays.copyOf(s.starts, s.n);
        this.lengths = Arrays.copyOf(s.lengths, s.n);
        this.lines = s.lineNo == s.n ? null : Arrays.copyOf(s.lines, s.n);
        this.checksums = Arrays.copyOf(s.checksums, s.n);
        this.ids = s.ids.trim();
        this.tagCodes = s.tagMaps.size() <= 1 ? null : Arrays.copyOf(s.tagCodes, s.n);
        this.tagMaps = List.copyOf(s.tagMaps);
        this.sha256 = HexFormat.of().formatHex(s.digest.digest());
    }

    /** Reads and validates every line, hashing the file's bytes on the way (the manifest's dataset hash). */
    static JsonlGoldenStore scan(Path file) throws IOException {
        Scan s = new Scan(file);
        byte[] chunk = new byte[WINDOW];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(chunk)) > 0) s.accept(chunk, r);
        }
        s.end();
        return new JsonlGoldenStore(s);
    }

    @Override public int size() { return ids.size(); }

    @Override public String id(int i) { return ids.get(i); }

    @Override public Map<String, String> tags(int i) { return tagMaps.get(tagCodes == null ? 0 : tagCodes[i]); }

    private int line(int i) { return lines == null ? i + 1 : lines[i]; }

    @Override public Cursor cursor(boolean ascending) { return new Reader(ascending); }

    /** Splits the file into lines as {@code BufferedReader.readLine} does (\n, \r or \r\n), so line numbers are the same. */
    private static final class Scan {
        private final Path file;
        private final MessageDigest digest;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        private final Map<Map<String, String>, Integer> tagCode = new HashMap<>();
        private final List<Map<String, String>> tagMaps = new java.util.ArrayList<>();
        private long[] starts = new long[1024];
        private int[] lengths = new int[1024];
        private int[] lines = new int[1024];
        private int[] checksums = new int[1024];
        private final StringColumn ids = new StringColumn();
        private int[] tagCodes = new int[1024];
        private int n;
        private byte[] line = new byte[1 << 12];
        private int len;
        private int lineNo;
        private long pos;
        private long lineStart;
        private boolean afterCr;

        Scan(Path file) {
            this.file = file;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
        }

        void accept(byte[] chunk, int count) throws IOException {
            digest.update(chunk, 0, count);
            for (int k = 0; k < count; k++) {
                byte c = chunk[k];
                pos++;
                if (afterCr && c == '\n') {
                    afterCr = false;
                    lineStart = pos;
                    continue;
                }
                afterCr = c == '\r';
                if (c == '\n' || c == '\r') {
                    endLine();
                    lineStart = pos;
                    continue;
                }
                if (len == line.length) line = Arrays.copyOf(line, len * 2);
                line[len++] = c;
            }
        }

        /** The last line may lack its terminator. */
        void end() throws IOException {
            if (len > 0) endLine();
        }

        private void endLine() throws IOException {
            lineNo++;
            String text = utf8.decode(ByteBuffer.wrap(line, 0, len)).toString();
            var node = JsonlObjects.object(file, lineNo, text);
            if (node != null) add(DatasetLoader.fromJson(file, lineNo, node));
            len = 0;
        }

        private void add(GoldenCase c) {
            if (n == starts.length) grow();
            starts[n] = lineStart;
            lengths[n] = len;
            lines[n] = lineNo;
            checksums[n] = checksum(line, 0, len);
            ids.append(c.id());
            tagCodes[n] = tagCode.computeIfAbsent(c.tags(), t -> {
                tagMaps.add(t);
                return tagMaps.size() - 1;
            });
            n++;
        }

        private void grow() {
            int m = n * 2;
            starts = Arrays.copyOf(starts, m);
            lengths = Arrays.copyOf(lengths, m);
            lines = Arrays.copyOf(lines, m);
            checksums = Arrays.copyOf(checksums, m);
            tagCodes = Arrays.copyOf(tagCodes, m);
        }
    }

    private static int checksum(byte[] b, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(b, off, len);
        return (int) crc.getValue();
    }

    /**
     * A pass over the cases through one open file. In file order it reads a window of lines at once; in another order
     * (a shuffled view) it reads each line alone.
     */
    private final class Reader implements Cursor {
        private final boolean ascending;
        private FileChannel channel;
        private ByteBuffer window = ByteBuffer.allocate(0);
        private long windowStart;

        Reader(boolean ascending) { this.ascending = ascending; }

        @Override
        public GoldenCase read(int i) {
            try {
                if (channel == null) open();
                long start = starts[i];
                int length = lengths[i];
                if (start < windowStart || start + length > windowStart + window.limit()) fill(start, length);
                int at = (int) (start - windowStart);
                if (checksum(window.array(), at, length) != checksums[i]) throw changed(i, "case '" + id(i) + "' is not what was read at the start");
                String text = new String(window.array(), at, length, StandardCharsets.UTF_8);
                GoldenCase c = DatasetLoader.fromJson(file, line(i), JsonlObjects.object(file, line(i), text));
                if (!c.id().equals(id(i))) throw changed(i, "case '" + id(i) + "' is not what was read at the start");
                return c;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read case '" + id(i) + "' of " + file, e);
            }
        }

        private void open() throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            long now = channel.size();
            if (now != bytes) {
                close();
                throw new InputException(file, "the golden set changed since the run read it (" + bytes + " bytes then, " + now + " now)"
                        + ": restore the file the run started with, or start a new run");
            }
        }

        private void fill(long start, int length) throws IOException {
            int size = ascending ? Math.max(WINDOW, length) : length;
            if (window.capacity() < size) window = ByteBuffer.allocate(size);
            window.clear().limit((int) Math.min(size, Math.max(length, bytes - start)));
            while (window.hasRemaining()) {
                if (channel.read(window, start + window.position()) < 0) break;
            }
            window.flip();
            windowStart = start;
            if (window.limit() < length) throw changed(-1, "it is shorter than when the run read it");
        }

        private InputException changed(int i, String what) {
            return new InputException(file, i < 0 ? 0 : line(i), null, "the golden set changed since the run read it (" + what
                    + "): restore the file the run started with, or start a new run");
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
