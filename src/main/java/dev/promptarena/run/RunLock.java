package dev.promptarena.run;

import dev.promptarena.input.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import dev.promptarena.util.IoReason;

/**
 * The exclusive claim of one process on a run folder ({@code .lock}, an OS file lock). Two
 * processes resuming one folder would each issue the calls the other is issuing (paying twice) and
 * interleave their journal lines; the second one is refused before it touches anything. The OS
 * drops the lock when the holder dies, so a killed run never leaves a stale lock behind: the pid
 * written in the file only names the holder in the error.
 */
public final class RunLock implements AutoCloseable {
    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code dir}, or fails with an input error naming the process that holds it. */
    public static RunLock acquire(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the run folder's lock file " + file + ": " + IoReason.of(e), e);
        }
        try {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(ch);
                ch.close();
                throw new InputException(dir, "this run folder is in use by another prompt-arena process (" + holder
                        + "); wait for it to finish or stop it, then resume");
            }
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(pid), 0);
            return new RunLock(ch, lock);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException("cannot lock the run folder " + dir + ": " + IoReason.of(e), e);
        }
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(32);
            int n = ch.read(buf, 0);
            String pid = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).strip();
            return pid.matches("\\d+") ? "pid " + pid : "pid unknown";
        } catch (IOException e) {
            return "pid unknown";
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // already failing with the more useful error
        }
    }

    /** Releases the folder (the OS does so too when the process ends). */
    @Override
    public void close() {
        try (channel) {
            lock.release();
        } catch (IOException ignored) {
            // the channel is closed either way, which releases the lock
        }
    }
}
