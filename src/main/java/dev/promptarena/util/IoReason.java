package dev.promptarena.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The operating system's reason for a failed file operation, in plain words ("no space left on
 * device", "permission denied"), for messages users read. The JDK's own messages are often just a
 * path, or a Java class name, which says nothing about what to fix.
 */
public final class IoReason {
    private static final String LOOP = "too many levels of symbolic links";

    private IoReason() {}

    /** The plain-words reason of {@code e} (unwrapping an UncheckedIOException). */
    public static String of(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (t instanceof AccessDeniedException) return "permission denied";
        if (t instanceof NoSuchFileException) return "no such file or directory";
        if (t instanceof NotDirectoryException) return "not a directory";
        if (t instanceof FileAlreadyExistsException) return "already exists";
        String reason = t instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : t.getMessage();
        if (reason == null || reason.isBlank()) return t instanceof IOException ? "input/output error" : "unexpected error";
        String plain = reason.strip().toLowerCase(java.util.Locale.ROOT);
        // The JDK appends "or unable to access attributes of symbolic link" to the OS's ELOOP, which only blurs it.
        return plain.startsWith(LOOP) ? LOOP : plain;
    }

    /** Whether {@code e} is the device-full error, which stops a run rather than failing one call. */
    public static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) return true;
        }
        return false;
    }
}
