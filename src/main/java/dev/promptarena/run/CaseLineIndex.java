package dev.promptarena.run;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The non-blank lines of a JSON-lines file (byte offset and length each), found chunk by chunk (a read per byte made
 * indexing a 1 GB file take seconds); for {@link StoredCases}.
 */
final class CaseLineIndex {
    private final Path file;
    private final int maxLines;
    /** Checks each line (null: none). */
    private final Check check;
    long[] starts = new long[1024];
    int[] lengths = new int[1024];
    int n;
    private int lineNo;
    private byte[] line = new byte[1 << 12];
    private long pos;
    private long lineStart;
    private int len;
    private boolean blank = true;

    /** Parses one line ({@code len} bytes of {@code line}); throws an input error naming {@code lineNo} when it cannot. */
    interface Check {
        void line(Path file, int lineNo, byte[] line, int len);
    }

    CaseLineIndex(Path file, int maxLines, Check check) {
        this.file = file;
        this.maxLines = maxLines;
        this.check = check;
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
            if (check != null) {
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
            if (check != null) check.line(file, lineNo, line, len);
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
