package dev.promptarena.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import dev.promptarena.input.InputException;
import dev.promptarena.llm.Usage;
import dev.promptarena.util.HashSlots;

/**
 * What {@link Journal#open} learns from an existing journal, read front to back in 64 KB chunks: an index from
 * each slot (role and request key) to the byte offset of its last successful entry, the money every entry cost,
 * and where the last complete line ends. Memory holds one line at a time and 21 to 32 bytes a completed call
 * ({@link HashSlots}); the entries themselves stay in the file and are read back on demand, so resuming a run of a
 * million cases no longer loads every answer it already has (issue 21).
 */
final class JournalScan {
    private static final int CHUNK = 1 << 16;

    final HashSlots index = new HashSlots();
    int entries;
    double spentUsd;
    /** {@link #spentUsd} per role (A, B, JUDGE), for the engine's per-role costs. */
    final Map<String, Double> spentByRole = new TreeMap<>();
    /**
     * Per role, tokens billed without an answer that this run paid for (before a sent answer, or by a failed call):
     * counted once, as their cost is.
     */
    final Map<String, Usage> billedByRole = new TreeMap<>();
    /**
     * Per slot, tokens its failed calls were billed without an answer: a resumed run asks a failed call again, and the
     * case that call serves carries them (see {@link Journal#failedBilling}). Only billed failures are kept: few.
     */
    final Map<String, Usage> failedBillingBySlot = new java.util.HashMap<>();
    /** Bytes up to and including the last newline: what stays after a torn last line is cut off. */
    long goodEnd;
    long size;

    private final Path file;
    private final FileChannel channel;
    private final ObjectMapper json;
    private final ToLongFunction<String> hash;

    private JournalScan(Path file, FileChannel channel, ObjectMapper json, ToLongFunction<String> hash) {
        this.file = file;
        this.channel = channel;
        this.json = json;
        this.hash = hash;
    }

    static JournalScan of(Path file, FileChannel channel, ObjectMapper json, ToLongFunction<String> hash) throws IOException {
        JournalScan scan = new JournalScan(file, channel, json, hash);
        scan.run();
        return scan;
    }

    private void run() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        byte[] line = new byte[1 << 12];
        int len = 0;
        long start = 0;
        int lineNo = 0;
        long pos = 0;
        for (int n; (n = channel.read(buf.clear(), pos)) > 0; pos += n) {
            byte[] chunk = buf.array();
            int from = 0;
            for (int k = 0; k < n; k++) {
                if (chunk[k] != '\n') continue;
                line = append(line, len, chunk, from, k - from);
                len += k - from;
                lineNo++;
                long end = pos + k;
                if (len > 0) accept(line, len, lineNo, start, end);
                start = end + 1;
                goodEnd = start;
                len = 0;
                from = k + 1;
            }
            line = append(line, len, chunk, from, n - from);
            len += n - from;
        }
        size = pos;
    }

    private static byte[] append(byte[] line, int len, byte[] src, int from, int count) {
        if (len + count > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, len + count));
        System.arraycopy(src, from, line, len, count);
        return line;
    }

    private void accept(byte[] line, int len, int lineNo, long start, long end) throws IOException {
        JournalLine.Head e;
        try {
            e = JournalLine.head(json, line, len); // slot, outcome and cost: the answer is bound when its case asks
        } catch (IOException corrupt) {
            // A complete but unreadable line cannot come from a crash (lines are written whole, then the newline): it was
            // edited or damaged. Refused rather than skipped, as a skipped paid call would be sent and paid again. An input
            // error (exit 2), as a damaged manifest.json or cases.jsonl of the folder is: the run did not fail, its record did.
            // The journal is the only record of what was paid, so the way out never involves removing it.
            throw new InputException(file, lineNo, null, "not a journal entry (bytes " + start + " to " + end + "): "
                    + (corrupt instanceof JsonProcessingException jp ? dev.promptarena.input.JsonProblem.plain(jp) : corrupt.getMessage())
                    + ". The journal is the record of every call this run paid for, so the run cannot be resumed safely from it:"
                    + " put the line back as it was, or start a new run folder (keep this one: its journal is the record of what was spent)");
        }
        entries++;
        // Every line's cost was paid once (a cache hit is journaled at 0), even when the slot repeats, so all of them
        // count, not the last. A failed call costs what its attempts billed without an answer (0 when none said what).
        if (e.succeeded() || e.costUsd() > 0) {
            spentUsd += e.costUsd();
            spentByRole.merge(e.role(), e.costUsd(), Double::sum);
        }
        if (!Usage.NONE.equals(e.billed())) {
            billedByRole.merge(e.role(), e.billed(), Usage::plus);
            if (!e.succeeded()) failedBillingBySlot.merge(e.slot(), e.billed(), Usage::plus);
        }
        // Later lines win, but a failure never hides an earlier success: only successes are indexed.
        if (!e.succeeded()) return;
        String slot = e.slot();
        index.put(hash.applyAsLong(slot), start, at -> headAt(channel, json, at).slot().equals(slot));
    }

    /**
     * The entry whose line starts at {@code offset}, without its request: a positional read, safe beside appends and
     * other reads.
     */
    static JournalEntry readAt(FileChannel channel, ObjectMapper json, long offset) {
        try {
            byte[] line = lineAt(channel, offset);
            return JournalLine.entry(json, line, line.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the journal entry at byte " + offset, e);
        }
    }

    /** The slot, outcome and cost of the line at {@code offset} (to tell two slots of one hash apart). */
    private static JournalLine.Head headAt(FileChannel channel, ObjectMapper json, long offset) {
        try {
            byte[] line = lineAt(channel, offset);
            return JournalLine.head(json, line, line.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the journal entry at byte " + offset, e);
        }
    }

    private static byte[] lineAt(FileChannel channel, long offset) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
        for (long pos = offset; ; ) {
            buf.clear();
            int n = channel.read(buf, pos);
            if (n < 0) throw new IOException("journal ends inside the entry at byte " + offset);
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    line.write(buf.array(), 0, i);
                    return line.toByteArray();
                }
            }
            line.write(buf.array(), 0, n);
            pos += n;
        }
    }
}
