package dev.promptarena.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.util.DaemonThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Content-addressed, on-disk cache of successful responses shared across runs and processes (default
 * {@code ~/.cache/prompt-arena}). Entries are appended to a {@link PackStore} under {@code v1/pack/}:
 * one file per response cost ~0.7 ms of CPU per call on this project's benchmark machine, an append a
 * few microseconds. Caches written before the pack (one {@code v1/xx/KEY.json} file per response) are
 * still read. Holds responses only: no keys, no headers.
 * <p>Writes happen on a background thread: the cache only pays off in a later run, so a call never
 * waits for it (the journal is what makes this run durable). Until its write is done, {@link #get} serves an
 * entry from memory, so what was put is found at once: an identical call that starts just after the first
 * finished is a hit whether or not the writer has caught up ({@link IdenticalCalls} relies on it).
 */
public final class ResponseCache implements AutoCloseable {
    private record Pending(String key, LlmResponse response) {}

    private static final int BATCH = 1000;

    private final Path root;
    private final ObjectMapper json;
    private final PackStore pack;
    private final AtomicLong failedWrites = new AtomicLong();
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    /** What {@link #pending} holds, by key, for {@link #get} until the writer has appended it (or failed to). */
    private final ConcurrentHashMap<String, LlmResponse> unwritten = new ConcurrentHashMap<>();
    /** One thread: appends are serialized by the pack's lock anyway, and batching them is what makes them cheap. */
    private final ExecutorService writer;
    /** Whether the directory holds the one-file-per-response layout; decided at the first miss. */
    private volatile Boolean legacy;

    public ResponseCache(Path dir, ObjectMapper json) { this(dir, json, PackStore.DEFAULT_SEGMENT_BYTES); }

    ResponseCache(Path dir, ObjectMapper json, long segmentBytes) {
        this(dir, json, segmentBytes, Executors.newSingleThreadExecutor(DaemonThreads.named("cache-writer")));
    }

    /** @param writer the one thread that builds the index and appends (a test holds it to see a write still queued) */
    ResponseCache(Path dir, ObjectMapper json, long segmentBytes, ExecutorService writer) {
        this.writer = writer;
        this.root = dir.resolve(RequestKeys.VERSION);
        this.json = json;
        this.pack = new PackStore(root.resolve("pack"), segmentBytes);
        // Build the index while the caller starts up; a lookup meanwhile waits for it.
        writer.execute(() -> {
            try {
                pack.refresh();
            } catch (IOException | RuntimeException unreadable) {
                // An unreadable cache is an empty one; writes report their own failures.
            }
        });
    }

    public Optional<LlmResponse> get(String key) {
        LlmResponse queued = unwritten.get(key);
        if (queued != null) return Optional.of(queued);
        try {
            Optional<byte[]> packed = pack.get(key);
            if (packed.isPresent()) return Optional.of(json.readValue(packed.get(), LlmResponse.class));
            if (!hasLegacyLayout()) return Optional.empty();
            return Optional.of(json.readValue(Files.readAllBytes(legacyFile(key)), LlmResponse.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            // A damaged entry is a miss; the fresh answer is appended after it and wins.
            return Optional.empty();
        }
    }

    /** Stores {@code response} in the background (found by {@link #get} from now on); failures are counted, never thrown. */
    public void put(String key, LlmResponse response) {
        unwritten.put(key, response);
        pending.add(new Pending(key, response));
        writer.execute(this::drain);
    }

    /**
     * Appends everything queued, in batches: one lock and one catch-up scan for many entries, but at most
     * {@link #BATCH} at a time, so other processes wait briefly for the lock and segments keep their size.
     */
    private void drain() {
        while (!pending.isEmpty()) {
            List<Map.Entry<String, byte[]>> batch = new ArrayList<>();
            List<Pending> taken = new ArrayList<>();
            for (Pending p; batch.size() < BATCH && (p = pending.poll()) != null; ) {
                taken.add(p);
                try {
                    batch.add(Map.entry(p.key(), json.writeValueAsBytes(p.response())));
                } catch (IOException | RuntimeException e) {
                    failedWrites.incrementAndGet();
                }
            }
            try {
                if (!batch.isEmpty()) pack.append(batch);
            } catch (IOException | RuntimeException e) {
                failedWrites.addAndGet(batch.size());
            } finally {
                // Readable from the pack now (or a miss, as any failed write is); a later put of the key stays.
                taken.forEach(p -> unwritten.remove(p.key(), p.response()));
            }
        }
    }

    /** Writes that failed (disk full, permissions); reported, never fatal. */
    public long failedWrites() { return failedWrites.get(); }

    /** Where the layout before the pack kept {@code key}'s response. */
    Path legacyFile(String key) { return root.resolve(key.substring(0, 2)).resolve(key + ".json"); }

    private boolean hasLegacyLayout() throws IOException {
        Boolean known = legacy;
        if (known == null) {
            // Looked up once: a miss in a cache without old entries then costs no file lookup.
            try (Stream<Path> entries = Files.list(root)) {
                known = entries.anyMatch(p -> p.getFileName().toString().length() == 2 && Files.isDirectory(p));
            } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
                known = false;
            }
            legacy = known;
        }
        return known;
    }

    /**
     * Accepts no more writes; the returned future completes, with the number of writes that failed,
     * once the queued ones are on disk. At high concurrency the queue can be behind the calls: the CLI
     * writes its reports meanwhile instead of waiting here.
     */
    public CompletableFuture<Long> finishWrites() {
        writer.shutdown();
        CompletableFuture<Long> done = new CompletableFuture<>();
        DaemonThreads.start("cache-finish", () -> {
            try {
                writer.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
                pack.close(); // a later lookup reopens what it reads; the appender has stopped
                done.complete(failedWrites.get());
            } catch (InterruptedException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Finishes queued writes (waiting up to 30 s) and releases the pack's files. */
    @Override
    public void close() {
        try {
            finishWrites().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            writer.shutdownNow();
        }
        pack.close();
    }
}
