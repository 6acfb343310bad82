package dev.promptarena.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A file's lines with their byte offsets, split as {@code BufferedReader.readLine} splits them ({@code \n},
 * {@code \r\n} or a lone {@code \r}), so line numbers are the ones a reader of the whole file reports; the bytes
 * are hashed on the way (the manifest's hash of what was read). A file read back by offset later (a golden set,
 * recorded responses) needs where each line starts, which a {@code Reader} does not say. A file the run wrote itself
 * ({@link #ownOutput}: cases.jsonl) is split on {@code \n} only and not hashed: nobody edits it, JSON escapes every
 * {@code \r} inside a record, and no manifest records its hash.
 */
public final class ByteLines {
    private static final int CHUNK = 1 << 16;
    private static final byte[] NONE = {};
    private static final byte[] LF = {'\n'};
    private static final byte[] CR = {'\r'};
    private static final byte[] CRLF = {'\r', '\n'};

    private final InputStream in;
    private final MessageDigest digest; // null: not hashed
    private final boolean crIsNewline;
    private final CharsetDecoder utf8;
    private final byte[] chunk = new byte[CHUNK];
    private int chunkPos;
    private int chunkLen;
    private long consumed; // bytes before chunk[chunkPos]
    private byte[] line = new byte[1 << 12];
    private int len;
    private byte[] terminator = NONE;
    private int lineNo;
    private long start;

    /**
     * @param strictUtf8 bad UTF-8 is an error (as for {@code Files.newBufferedReader}), else it becomes U+FFFD (as
     *                   for {@code new String(bytes, UTF_8)}): each caller keeps the behaviour its whole-file reader had
     */
    public ByteLines(InputStream in, boolean strictUtf8) {
        this(in, strictUtf8, sha256Digest(), true);
    }

    private ByteLines(InputStream in, boolean strictUtf8, MessageDigest digest, boolean crIsNewline) {
        this.in = in;
        CodingErrorAction bad = strictUtf8 ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        this.utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(bad).onUnmappableCharacter(bad);
        this.digest = digest;
        this.crIsNewline = crIsNewline;
    }

    /**
     * The lines of a file this program wrote (cases.jsonl): split on {@code \n} only (a {@code \r} stays in its line,
     * as whitespace to a JSON parser), bad UTF-8 replaced, no hash ({@link #sha256} is then unavailable).
     */
    public static ByteLines ownOutput(InputStream in) {
        return new ByteLines(in, false, null, false);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Moves to the next line; false at the end of the file (a last line without a terminator is a line). */
    public boolean next() throws IOException {
        start = consumed;
        len = 0;
        terminator = NONE;
        int b;
        while ((b = read()) >= 0) {
            if (b == '\n') {
                terminator = LF;
                break;
            }
            if (b == '\r' && crIsNewline) {
                terminator = peek() == '\n' ? CRLF : CR;
                if (terminator == CRLF) read();
                break;
            }
            if (len == line.length) line = Arrays.copyOf(line, len * 2);
            line[len++] = (byte) b;
        }
        if (b < 0 && len == 0) return false;
        lineNo++;
        return true;
    }

    /** The line's bytes without its terminator: valid up to {@link #length()} until the next {@link #next()}. */
    public byte[] bytes() { return line; }

    public int length() { return len; }

    /** The line's terminator: none (the last line), \n, \r or \r\n. Not to be modified. */
    public byte[] terminator() { return terminator; }

    /** 1 for the first line. */
    public int number() { return lineNo; }

    /** Offset of the line's first byte in the file. */
    public long start() { return start; }

    /** The line as text; with strict UTF-8, a line that is not UTF-8 throws {@link NotUtf8} naming its number. */
    public String text() throws IOException {
        try {
            return utf8.decode(ByteBuffer.wrap(line, 0, len)).toString();
        } catch (CharacterCodingException e) {
            throw new NotUtf8(lineNo); // the JDK's own message, "Input length = 1", names neither the line nor the problem
        }
    }

    /** What a file that is not UTF-8 text is told. */
    static final String NOT_UTF8 = "not valid UTF-8 text (save the file as UTF-8)";

    /**
     * The error for {@code file} when a reader that decodes whole buffers (a {@code Reader}, SnakeYAML, OpenCSV) found
     * bytes that are not UTF-8: its exception names no line, so the bytes are read again to find the first bad line.
     */
    public static InputException notUtf8(Path file) {
        int line = 0;
        try (InputStream in = Files.newInputStream(file)) {
            ByteLines lines = new ByteLines(in, true);
            while (lines.next()) lines.text();
        } catch (NotUtf8 e) {
            line = e.line();
        } catch (IOException e) {
            // unreadable the second time: the error names the file only
        }
        return new InputException(file, line, null, NOT_UTF8);
    }

    /**
     * {@code file}'s whole text, strict UTF-8. A file that is not UTF-8 throws {@link #notUtf8(Path)}'s error naming its first
     * bad line, not the JDK's "Input length = 1"; other read failures are thrown as they are.
     */
    public static String readUtf8(Path file) throws IOException {
        try {
            return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw notUtf8(file);
        }
    }

    /** A line of a strictly read file that is not UTF-8 text (a file saved as Latin-1 or Windows-1252). */
    public static final class NotUtf8 extends CharacterCodingException {
        private final int line;

        NotUtf8(int line) { this.line = line; }

        /** 1 for the first line. */
        public int line() { return line; }

        @Override
        public String getMessage() { return "line " + line + " is " + NOT_UTF8; }
    }

    /** Bytes read so far: the file's size once {@link #next()} has returned false. */
    public long position() { return consumed; }

    /** SHA-256 of every byte read (the whole file once {@link #next()} has returned false). */
    public String sha256() {
        if (digest == null) throw new IllegalStateException("lines read by ownOutput are not hashed");
        return HexFormat.of().formatHex(digest.digest());
    }

    private int read() throws IOException {
        if (chunkPos == chunkLen && !fill()) return -1;
        consumed++;
        return chunk[chunkPos++] & 0xff;
    }

    private int peek() throws IOException {
        if (chunkPos == chunkLen && !fill()) return -1;
        return chunk[chunkPos] & 0xff;
    }

    private boolean fill() throws IOException {
        int r;
        do {
            r = in.read(chunk);
        } while (r == 0);
        if (r < 0) return false;
        if (digest != null) digest.update(chunk, 0, r);
        chunkPos = 0;
        chunkLen = r;
        return true;
    }
}
