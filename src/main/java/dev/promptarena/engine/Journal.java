package dev.promptarena.engine;

import dev.promptarena.input.ReadErrors;
import dev.promptarena.util.DaemonThreads;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.promptarena.llm.Usage;
import dev.promptarena.util.HashSlots;
import java.util.function.ToLongFunction;

/**
 * The run's append-only record of completed calls ({@code journal.jsonl}). An entry is on disk
 * and forced ({@link FileChannel#force}) before the call's future completes, so a killed run
 * loses no call it reported as done. Writes are group-committed on one writer thread: one
 * {@code force} covers every entry queued meanwhile, which keeps fsyncs from capping
 * throughput at high concurrency.
 * <p>On open, a last line without its newline — the process died mid-write — is ignored and
 * cut off before anything is appended, so the file stays valid JSONL. What earlier sessions completed is
 * not held in memory: open keeps an index of offsets ({@link JournalScan}), and {@link #completed} reads the
 * entry back, so resuming a run of a million cases holds ~30 bytes a finished call, not its answer.
 */
public final class Journal implements AutoCloseable {
    private record Pending(byte[] line, CompletableFuture<Long> done) {}

    private final ObjectMapper json;
    private final FileChannel channel;
    /** Slot hash to the offset of the slot's last successful entry before this session (JournalScan). */
    private final HashSlots completed;
    private final ToLongFunction<String> hash;
    private final double spentUsd;
    private final Map<String, Double> spentByRole;
    private final Map<String, Usage> billedByRole;
    /** Per slot, the tokens its failed lines were billed. */
    private final Map<String, Usage> failedBilling;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(DaemonThreads.named("journal-writer"));
    private final Executor callbacks;
    private final int loaded;
    private final long tornBytes;
    /** Bytes the file may still grow by before writes fail as on a full disk (fault injection), or Long.MAX_VALUE. */
    private long room = Long.MAX_VALUE;
    /** The first failed write: after it nothing more is appended, so no good line ever follows a torn one. */
    private volatile IOException failure;
    /**
     * Run on the writer thread the moment a write fails, before any caller hears of it: the engine stops issuing calls
     * there, not when the failed entry's callback runs on another thread, in which gap calls started in the meantime were
     * still sent without a journal to record them (QA, eleventh session).
     */
    private volatile Runnable onFailure = () -> { };

    private Journal(ObjectMapper json, FileChannel channel, JournalScan scan, long tornBytes, ToLongFunction<String> hash, Executor callbacks) {
        this.json = json;
        this.channel = channel;
        this.callbacks = callbacks;
        this.completed = scan.index;
        this.hash = hash;
        this.spentUsd = scan.spentUsd;
        this.spentByRole = Map.copyOf(scan.spentByRole);
        this.billedByRole = Map.copyOf(scan.billedByRole);
        this.failedBilling = Map.copyOf(scan.failedBillingBySlot);
        this.loaded = scan.entries;
        this.tornBytes = tornBytes;
    }

    /**
     * Opens (creating if needed) {@code file}, loading what it holds and cutting off a torn last line.
     *
     * @param callbacks where append futures are completed — not the writer thread, which would
     *                  otherwise run every caller's continuation (the next request, the judge
     *                  prompt...) before it could write the next batch
     * @throws dev.promptarena.input.InputException when a read of the file fails, or a complete line is not a journal
     *                  entry (it is read whole here, before a resume marks its folder running)
     */
    public static Journal open(Path file, ObjectMapper json, Executor callbacks) {
        return open(file, json, callbacks, HashSlots::hash);
    }

    /** As {@link #open(Path, ObjectMapper, Executor)} with the slot hash given (tests force collisions with it). */
    static Journal open(Path file, ObjectMapper json, Executor callbacks, ToLongFunction<String> hash) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            JournalScan scan;
            try {
                scan = JournalScan.of(file, ch, json, hash);
            } catch (IOException e) {
                ch.close();
                // A read that fails part way (the resume's check read its first bytes): said as any input that cannot be read.
                throw ReadErrors.of(file, e);
            } catch (RuntimeException e) {
                ch.close();
                throw e;
            }
            long torn = scan.size - scan.goodEnd;
            ch.truncate(scan.goodEnd);
            ch.position(scan.goodEnd);
            if (torn > 0) ch.force(false);
            return new Journal(json, ch, scan, torn, hash, callbacks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + file, e);
        }
    }

    /**
     * The successful entry recorded for this role and request before this session, or null. Read back from the
     * file (the index holds only offsets), without its request, as the engine needs only the answer (the open bound
     * only the line's slot, outcome and cost, so this is the one time the answer is bound).
     */
    public JournalEntry completed(String role, String key) {
        String slot = JournalEntry.slot(role, key);
        JournalEntry[] found = new JournalEntry[1];
        completed.get(hash.applyAsLong(slot), at -> {
            JournalEntry e = read(at);
            if (!e.slot().equals(slot)) return false; // another slot with the same 64-bit hash
            found[0] = e;
            return true;
        });
        return found[0];
    }

    /**
     * The successful entry recorded before this session for the same request by another role than {@code role}, or
     * null: the answer that role's call was served from, had the run not been killed before it was (see
     * {@link CallEngine}'s identical calls).
     */
    public JournalEntry completedByAnotherRole(Calls.Role role, String key) {
        if (loaded == 0) return null; // a fresh run: every cacheable call asks, so no slot strings built and hashed for nothing
        for (Calls.Role other : Calls.Role.values()) {
            if (other == role) continue;
            JournalEntry done = completed(other.name(), key);
            if (done != null) return done;
        }
        return null;
    }

    /** Cost of every call already journaled, answered or failed (money spent earlier in this run), summed at open. */
    public double spentUsd() { return spentUsd; }

    /** {@link #spentUsd()} per role name (A, B, JUDGE). */
    public Map<String, Double> spentByRole() { return spentByRole; }

    /**
     * Per role name, tokens billed without an answer that the journaled lines paid for (before an answer that was sent,
     * not a cache hit, or by a failed call), summed at open.
     */
    public Map<String, Usage> billedByRole() { return billedByRole; }

    /**
     * The tokens that failed calls of request {@code key} by any of {@code roles} were billed without an answer before
     * this session, or none. A failed call is asked again on resume, and the case it serves then carries what the request
     * cost before, as the case of the uninterrupted run did, so without identical requests the cases still sum to
     * engine.json (which counted that cost at open). Every call that asks gets them, not only the first: which of two
     * identical cases asks first depends on timing, and a case served a shared answer or failure is priced as if it paid
     * (docs/report-json.md), so each carries the cost of getting it.
     */
    public Usage failedBilling(String key, Collection<Calls.Role> roles) {
        if (failedBilling.isEmpty()) return Usage.NONE;
        Usage earlier = Usage.NONE;
        for (Calls.Role role : roles) earlier = earlier.plus(failedBilling.getOrDefault(JournalEntry.slot(role.name(), key), Usage.NONE));
        return earlier;
    }

    /** Entries read at open. */
    public int loadedEntries() { return loaded; }

    /** Bytes of a torn last line cut off at open (0 when the file ended cleanly). */
    public long tornBytes() { return tornBytes; }

    /** Fault injection (tests): writes beyond {@code bytes} more fail with "No space left on device". */
    Journal withRoom(Long bytes) {
        if (bytes != null) room = bytes;
        return this;
    }

    /** Sets what runs, once, on the writer thread when a write first fails (see {@link #onFailure}). */
    public Journal onFailure(Runnable action) {
        onFailure = action;
        return this;
    }

    /** The write failure that closed the journal to appends (disk full, I/O error), or null. */
    public IOException failure() { return failure; }

    /** Appends {@code entry}; the future completes once it is forced to disk. */
    public CompletableFuture<Void> append(JournalEntry entry) { return appendLocated(entry).thenApply(offset -> null); }

    /**
     * Appends {@code entry}; the future gives the line's byte offset once it is forced to disk, so a caller can
     * read the entry back ({@link #read}) instead of holding its answer in memory (batch mode, issue 21).
     */
    public CompletableFuture<Long> appendLocated(JournalEntry entry) {
        IOException failed = failure;
        if (failed != null) return CompletableFuture.failedFuture(new UncheckedIOException("journal write failed earlier", failed));
        byte[] line;
        try {
            line = (json.writeValueAsString(entry) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Long> done = new CompletableFuture<>();
        queue.add(new Pending(line, done));
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                writer.execute(this::drain);
            } catch (RejectedExecutionException closed) {
                // A call finishing after close(): say so instead of leaving its future pending forever.
                done.completeExceptionally(new IllegalStateException("journal is closed; call not recorded"));
            }
        }
        // Entries written in this session are not kept in memory: the runner asks for each call
        // once, and a 10,000-case run must not hold every answer twice.
        return done;
    }

    private void drain() {
        // Reset first: an append racing with us either lands in this batch or schedules another.
        drainScheduled.set(false);
        List<Pending> batch = new ArrayList<>();
        for (Pending p; (p = queue.poll()) != null; ) batch.add(p);
        if (batch.isEmpty()) return;
        long before = -1;
        try {
            if (failure != null) throw failure;
            before = channel.position();
            long[] at = new long[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                at[i] = channel.position();
                write(batch.get(i).line());
            }
            channel.force(false);
            for (int i = 0; i < batch.size(); i++) {
                Pending p = batch.get(i);
                long offset = at[i];
                callbacks.execute(() -> p.done().complete(offset));
            }
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
                onFailure.run();
            }
            // Back to the last complete entry: a half-written line in the middle would make the
            // folder unresumable once space returns. Best effort: if even this fails, resume cuts a
            // torn last line anyway, and no line is appended after it (failure is sticky).
            if (before >= 0) {
                try {
                    channel.truncate(before);
                    channel.position(before);
                    channel.force(false);
                } catch (IOException ignored) {
                    // see above
                }
            }
            UncheckedIOException wrapped = new UncheckedIOException("journal write failed", e);
            for (Pending p : batch) callbacks.execute(() -> p.done().completeExceptionally(wrapped));
        }
    }

    private void write(byte[] line) throws IOException {
        int fits = (int) Math.min(line.length, room);
        ByteBuffer buf = ByteBuffer.wrap(line, 0, fits);
        while (buf.hasRemaining()) channel.write(buf);
        if (room != Long.MAX_VALUE) room -= fits;
        if (fits < line.length) throw new IOException("No space left on device");
    }

    /**
     * The entry whose line starts at {@code offset} (from {@link #appendLocated}), without its request. A positional
     * read, safe while the writer appends: the line was forced before its offset was handed out.
     */
    public JournalEntry read(long offset) { return JournalScan.readAt(channel, json, offset); }

    /** Waits for queued writes, then closes the file. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) writer.shutdownNow();
            channel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
