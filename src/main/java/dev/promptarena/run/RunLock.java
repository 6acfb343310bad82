package dev.promptarena.run;

import dev.promptarena.input.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.StandardOpenOption;
import dev.promptarena.util.IoReason;

/**
 * The exclusive claim of one process on a run folder ({@code .lock}, an OS file lock). Two
 * processes resuming one folder would each issue the calls the other is issuing (paying twice) and
 * interleave their journal lines; the second one is refused before it touches anything. The OS
 * drops the lock when the holder dies, so a killed run never leaves a stale lock behind: the pid
 * written in the file only names the holder in the error.
 *
 * <p>A resume is refused after the lock is taken when what it reads under the lock (the manifest, the whole journal)
 * is not usable, and a refused input leaves every byte of the folder as it was: {@link #releaseUnchanged} puts back
 * what the file held. The pid is written at once and put back on refusal rather than written only once the run is
 * admitted, because a process refused meanwhile reads the file to name the holder: written late, the file would name
 * the previous holder (an ended process, whose pid the OS may have given to an unrelated one, which the user might stop)
 * for as long as the journal scan takes; written at once, it names this process for all of that time, and the previous
 * holder only between the restore and the release, two system calls apart. That is no new misreading: a refused
 * process reads the file after its own tryLock failed, when the holder may just have released it and left its pid.
 */
public final class RunLock implements AutoCloseable {
    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final Path file;
    /** What the file held before this process wrote its pid (empty when it was created now). */
    private final byte[] prior;
    private final FileTime priorModified;
    private boolean released;

    private RunLock(FileChannel channel, FileLock lock, Path file, byte[] prior, FileTime priorModified) {
        this.channel = channel;
        this.lock = lock;
        this.file = file;
        this.prior = prior;
        this.priorModified = priorModified;
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
            FileTime modified = Files.getLastModifiedTime(file);
            byte[] prior = readAll(ch);
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(pid), 0);
            return new RunLock(ch, lock, file, prior, modified);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException("cannot lock the run folder " + dir + ": " + IoReason.of(e), e);
        }
    }

    private static byte[] readAll(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), Integer.MAX_VALUE - 8));
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
            // positional reads until the buffer is full or the file ends
        }
        return java.util.Arrays.copyOf(buf.array(), buf.position());
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

    /**
     * Releases the folder of a run refused before it changed anything, with the file's bytes (and modification time) as
     * they were before {@link #acquire}: restored while the lock is still held, so no other process's pid is overwritten.
     * A file {@code acquire} created is left empty rather than deleted: a process that opened it before the deletion could
     * lock the deleted file while another locks a new one, and both would run the folder.
     */
    public synchronized void releaseUnchanged() {
        if (released) return;
        try {
            channel.write(ByteBuffer.wrap(prior), 0);
            channel.truncate(prior.length);
            Files.setLastModifiedTime(file, priorModified);
        } catch (IOException e) {
            // the refusal's own error is the one to report; the file then names this (ended) process, as after a kill
        }
        close();
    }

    /** Releases the folder (the OS does so too when the process ends). Once; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (released) return;
        released = true;
        try (channel) {
            lock.release();
        } catch (IOException ignored) {
            // the channel is closed either way, which releases the lock
        }
    }
}
