package dev.promptarena.llm.http;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file of JSON values, one a line, read as the elements of a JSON array: every line break becomes a comma except
 * the file's last byte (its final line break), which becomes a space. Safe because serialized JSON never holds a raw
 * line break (inside strings it is escaped), and it keeps the byte count, so the body's length is the file's.
 */
final class JsonLinesAsArray extends FilterInputStream {
    private final long last;
    private long position;

    private JsonLinesAsArray(InputStream in, long size) {
        super(in);
        this.last = size - 1;
    }

    /** The stream over {@code file} of {@code size} bytes (a new one each time the HTTP client asks, as a retry would). */
    static InputStream open(Path file, long size) {
        try {
            return new JsonLinesAsArray(new BufferedInputStream(Files.newInputStream(file), 64 * 1024), size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the batch file " + file.getFileName(), e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) b = map(b, position++);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) buf[off + i] = (byte) map(buf[off + i], position++);
        return n;
    }

    private int map(int b, long at) { return b != '\n' ? b : at == last ? ' ' : ','; }

    @Override public long skip(long n) { throw new UnsupportedOperationException("read only from the start"); }

    @Override public boolean markSupported() { return false; }
}
