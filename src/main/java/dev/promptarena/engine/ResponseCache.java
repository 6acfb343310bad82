package dev.promptarena.engine;

import dev.promptarena.util.DaemonThreads;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.LlmResponse;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Content-addressed, on-disk cache of successful responses shared across runs (default
 * {@code ~/.cache/prompt-arena}). One file per key under a two-character fan-out directory,
 * written to a temporary file and atomically renamed, so concurrent runs sharing the directory
 * never read half a file. Holds responses only: no keys, no headers.
 * <p>Writes happen on background threads: the cache only pays off in a later run, so a
 * call never waits for it (the journal is what makes this run durable).
 */
public final class ResponseCache implements AutoCloseable {
    /**
     * Writer threads. Several, because a file create can stall for a while on a busy disk (measured:
     * 3,000 entries took 0.15 s to 2.4 s on the benchmark machine) and the writes of a fast run queue up.
     */
    private static final int WRITERS = 4;

    private final Path root;
    private final ObjectMapper json;
    private final Set<Path> madeDirs = ConcurrentHashMap.newKeySet();
    private final AtomicLong failedWrites = new AtomicLong();
    private final String tmpPrefix = "." + ProcessHandle.current().pid() + ".";
    private final AtomicLong tmpCounter = new AtomicLong();
    private final ExecutorService writer = Executors.newFixedThreadPool(WRITERS, DaemonThreads.named("cache-writer"));

    public ResponseCache(Path dir, ObjectMapper json) {
        this.root = dir.resolve(RequestKeys.VERSION);
        this.json = json;
    }

    public Optional<LlmResponse> get(String key) {
        Path file = file(key);
        try {
            return Optional.of(json.readValue(Files.readAllBytes(file), LlmResponse.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            // A damaged entry is a miss; the fresh answer will overwrite it.
            return Optional.empty();
        }
    }

    /** Stores {@code response} in the background; failures are counted, never thrown. */
    public void put(String key, LlmResponse response) {
        writer.execute(() -> {
            try {
                write(key, response);
            } catch (IOException | RuntimeException e) {
                failedWrites.incrementAndGet();
            }
        });
    }

    private void write(String key, LlmResponse response) throws IOException {
        Path file = file(key);
        Path dir = file.getParent();
        // Remembered only once it exists: with several writers, another may be about to write into it.
        if (!madeDirs.contains(dir)) {
            Files.createDirectories(dir);
            madeDirs.add(dir);
        }
        // Unique per process and write; Files.createTempFile would draw on a shared SecureRandom.
        Path tmp = dir.resolve(key + tmpPrefix + tmpCounter.incrementAndGet() + ".tmp");
        try {
            Files.write(tmp, json.writeValueAsBytes(response), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // A full disk creates the file and then fails the write: leave no empty .tmp behind.
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Writes that failed (disk full, permissions); reported, never fatal. */
    public long failedWrites() { return failedWrites.get(); }

    Path file(String key) { return root.resolve(key.substring(0, 2)).resolve(key + ".json"); }

    /**
     * Accepts no more writes; the returned future completes, with the number of writes that failed,
     * once the queued ones are on disk. At high concurrency the queue can be a second behind the calls:
     * the CLI writes its reports meanwhile instead of waiting here.
     */
    public CompletableFuture<Long> finishWrites() {
        writer.shutdown();
        CompletableFuture<Long> done = new CompletableFuture<>();
        DaemonThreads.start("cache-finish", () -> {
            try {
                writer.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
                done.complete(failedWrites.get());
            } catch (InterruptedException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Finishes queued writes (waiting up to 30 s). */
    @Override
    public void close() {
        try {
            finishWrites().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            writer.shutdownNow();
        }
    }
}
