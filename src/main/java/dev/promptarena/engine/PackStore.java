package dev.promptarena.engine;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * An append-only key-value pack that several processes share: numbered segment files of
 * {@link PackRecord}s and an in-memory index built by scanning them. Appends happen only under an
 * exclusive lock on the directory's {@code lock} file, after catching up with what other processes
 * appended, so records never interleave; the appender also cuts off a torn last record (a writer killed
 * mid-append) before writing after it. Readers take no lock: a miss scans the bytes appended since the
 * last scan, stopping before any record that is not whole yet. Later records of a key win.
 * <p>Not thread-safe for appends: one thread appends (the cache's writer); lookups from any thread.
 * Limits, accepted for a cache (a lost entry is a call paid again, never a wrong answer): damage in the
 * middle of a segment hides the records after it, and the next append cuts them off; the lock is a POSIX
 * record lock, so within one JVM two instances on one directory exclude each other through the JVM's
 * lock table, but one of them closing its lock file drops the OS lock the other may hold.
 */
final class PackStore implements AutoCloseable {
    static final long DEFAULT_SEGMENT_BYTES = 256L << 20;

    private final Path dir;
    private final long segmentBytes;
    private final PackIndex index = new PackIndex();
    private final Map<Integer, FileChannel> readers = new ConcurrentHashMap<>();
    // Guarded by this: how far the segments have been scanned.
    private boolean listed;
    private int last;           // highest segment scanned, 0 = none yet
    private long scanned;       // end of the intact records of segment `last`
    // Appender thread only.
    private FileChannel lockChannel;
    private FileChannel appendChannel;
    private int appendSegment;

    PackStore(Path dir, long segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
    }

    /** The value stored under {@code key}, scanning other processes' new records on a miss. */
    Optional<byte[]> get(String key) throws IOException {
        byte[] value = read(key);
        if (value == null) refresh(); // another process may have appended it since the last scan
        return Optional.ofNullable(value != null ? value : read(key));
    }

    /** The value of {@code key}'s indexed record, read back (the index keeps only a fingerprint of the key), or null. */
    private byte[] read(String key) throws IOException {
        for (long loc : index.candidates(key)) {
            byte[] value = PackRecord.readAt(reader(PackIndex.segment(loc)), PackIndex.offset(loc), key);
            if (value != null) return value;
        }
        return null;
    }

    /** Indexes {@code key}'s record at {@code location}, replacing the key's earlier one (told apart by reading it back). */
    private void index(String key, int segment, long offset) throws IOException {
        indexable(segment, offset);
        try {
            index.put(key, PackIndex.location(segment, offset), loc -> holds(loc, key));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private boolean holds(long loc, String key) {
        try {
            return PackRecord.readAt(reader(PackIndex.segment(loc)), PackIndex.offset(loc), key) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void indexable(int segment, long offset) throws IOException {
        if (!PackIndex.fits(segment, offset)) throw new IOException("cache pack " + segment(segment) + " is too large to index at offset " + offset);
    }

    int indexedKeys() { return index.size(); } // tests: a closed pack gives its index back

    /** Scans what was appended since the last scan (all segments the first time). */
    synchronized void refresh() throws IOException {
        if (!listed) {
            if (!Files.isDirectory(dir)) return;
            listed = true;
            for (int s : segmentsOnDisk()) {
                last = s;
                scanned = scan(s, 0);
            }
            return;
        }
        if (last == 0) {
            if (!Files.exists(segment(1))) return;
            last = 1;
        }
        while (true) {
            // A next segment exists only after the current one's last append finished, so once it is
            // seen, scanning the current one to its end cannot miss a record still being written.
            boolean hasNext = Files.exists(segment(last + 1));
            scanned = scan(last, scanned);
            if (!hasNext) return;
            last++;
            scanned = 0;
        }
    }

    /** Indexes the intact records of segment {@code s} from {@code from}; returns where they end. */
    private long scan(int s, long from) throws IOException {
        if (reader(s).size() <= from) return from;
        long pos = from;
        // Its own channel: the stream moves the position and closes the channel, which lookups share.
        FileChannel ch = FileChannel.open(segment(s), StandardOpenOption.READ);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch.position(from)), 1 << 16))) {
            PackRecord r;
            while ((r = PackRecord.read(in)) != null) {
                index(r.key(), s, pos);
                pos += r.size();
            }
        }
        return pos;
    }

    /** Appends {@code records} (key, value) under the directory's lock; on failure none is indexed. */
    void append(List<Map.Entry<String, byte[]>> records) throws IOException {
        Files.createDirectories(dir);
        if (lockChannel == null) lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        List<ByteBuffer> encoded = records.stream().map(e -> PackRecord.encode(e.getKey(), e.getValue())).toList();
        long bytes = encoded.stream().mapToLong(ByteBuffer::remaining).sum();
        try (FileLock lock = lock()) {
            synchronized (this) {
                refresh();
                // Committed to `last` and `scanned` only once written: a failed append changes nothing here.
                int seg = last;
                long start = scanned;
                if (seg == 0 || (start > 0 && start + bytes > segmentBytes)) {
                    seg++;
                    start = 0;
                }
                if (!encoded.isEmpty()) indexable(seg, start + bytes - encoded.get(encoded.size() - 1).remaining()); // last start
                FileChannel out = appendChannel(seg);
                // Bytes past the intact records are a torn record of a writer that died holding the lock.
                if (out.size() > start) out.truncate(start);
                long pos = start;
                try {
                    for (ByteBuffer b : encoded) {
                        while (b.hasRemaining()) pos += out.write(b, pos);
                    }
                } catch (IOException | RuntimeException e) {
                    // Disk full: leave no partial record for the next appender to cut.
                    try { out.truncate(start); } catch (IOException ignored) { /* the next appender cuts it */ }
                    throw e;
                }
                pos = start;
                for (int i = 0; i < records.size(); i++) {
                    int size = encoded.get(i).limit();
                    index(records.get(i).getKey(), seg, pos);
                    pos += size;
                }
                last = seg;
                scanned = pos;
            }
        }
    }

    /** The directory's lock; the JVM refuses a second lock on a file it already locked (another instance here): wait for it. */
    private FileLock lock() throws IOException {
        while (true) {
            try {
                return lockChannel.lock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the cache lock", e);
                }
            }
        }
    }

    private FileChannel appendChannel(int s) throws IOException {
        if (appendChannel == null || appendSegment != s) {
            if (appendChannel != null) appendChannel.close();
            appendChannel = FileChannel.open(segment(s), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            appendSegment = s;
        }
        return appendChannel;
    }

    private FileChannel reader(int s) throws IOException {
        try {
            return readers.computeIfAbsent(s, k -> {
                try {
                    return FileChannel.open(segment(k), StandardOpenOption.READ);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Path segment(int s) { return dir.resolve(String.format("pack-%06d.seg", s)); }

    private int[] segmentsOnDisk() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("pack-\\d{6}\\.seg"))
                    .mapToInt(n -> Integer.parseInt(n.substring(5, 11)))
                    .sorted().toArray();
        } catch (NoSuchFileException e) {
            return new int[0];
        }
    }

    @Override
    public void close() {
        for (FileChannel ch : readers.values()) closeQuietly(ch);
        readers.clear();
        closeQuietly(appendChannel);
        closeQuietly(lockChannel);
        appendChannel = null;
        lockChannel = null;
        // The index is ~13 bytes a response (~40 MB for a million-case run's 3 million) and the run's final analysis
        // comes after the close: give it back. A later lookup starts over as on a first open and rescans the segments.
        synchronized (this) {
            index.clear();
            listed = false;
            last = 0;
            scanned = 0;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            if (ch != null) ch.close();
        } catch (IOException ignored) {
            // Closing a read or append channel loses nothing.
        }
    }
}
