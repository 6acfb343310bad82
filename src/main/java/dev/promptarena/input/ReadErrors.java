package dev.promptarena.input;

import com.opencsv.exceptions.CsvMalformedLineException;
import dev.promptarena.util.IoReason;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A user's input file that could not be read, as an input error in words with its line where one is known. The JDK's
 * and OpenCSV's own messages name no line and say little: a decoder's "Input length = 1" for a file that is not UTF-8,
 * OpenCSV's "Unterminated quoted field" quoting the data after an unclosed quote.
 */
public final class ReadErrors {
    private ReadErrors() {}

    public static InputException of(Path file, IOException e) {
        if (e instanceof NoSuchFileException) return new InputException(file, "file not found");
        if (e instanceof CsvMalformedLineException m) {
            return new InputException(file, (int) m.getLineNumber(), null, "malformed CSV: a quoted cell is never closed");
        }
        if (e instanceof ByteLines.NotUtf8 n) return new InputException(file, n.line(), null, ByteLines.NOT_UTF8);
        // A Reader decoding whole buffers found the bad bytes: read the file again to name the line.
        if (e instanceof CharacterCodingException) return ByteLines.notUtf8(file);
        return new InputException(file, "cannot read: " + IoReason.of(e));
    }

    /**
     * Refuses a file that is there but cannot be read (a loop of links, a file that fails its first read) before a
     * command writes anything: {@code run --resume} locks its folder before the engine reads the journal (whole, before the
     * folder is marked running; a read that fails part way is refused there in the same words). A file with no entry at all
     * passes: whether it may be absent is the caller's to say.
     */
    public static void requireReadableIfPresent(Path file) {
        if (Files.notExists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        requireNotFolder(file);
        try (java.io.InputStream in = Files.newInputStream(file)) {
            in.read();
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + IoReason.of(e));
        }
    }

    /** A folder given where a file is read: in the words a read of it gives everywhere else (the OS's, IoReason's). */
    public static InputException folder(Path file) { return new InputException(file, "cannot read: is a directory"); }

    /**
     * Refuses a folder before it is opened: a Reader over a folder opens on Linux, and OpenCSV takes the failure of its
     * first read for the end of the file, so a folder read as "the file is empty".
     */
    public static void requireNotFolder(Path file) {
        if (Files.isDirectory(file)) throw folder(file);
    }
}
