package dev.promptarena.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.BatchApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code batches.jsonl}: every batch the run submitted and each state it was seen in, appended and forced
 * to disk before the run goes on. A killed run reads it back and polls the batches that were still live
 * instead of submitting (and paying for) their requests again. The last line of a batch wins; a torn last
 * line (the process died mid-write) is ignored, as the call journal does.
 */
final class BatchLog implements AutoCloseable {
    /** The file's name inside the run folder. */
    static final String FILE = "batches.jsonl";

    /**
     * One line: a batch and the state it was seen in.
     *
     * @param id        the provider's batch id; null while {@code SUBMITTING} (the create's reply has not come)
     * @param customIds the items it holds (ids derived from cache keys; never a secret)
     * @param tag       the chunk's fingerprint ({@link #tagOf}), which finds the batch when the create's reply was lost;
     *                  null in logs written before it existed
     */
    record Entry(String id, String provider, BatchApi.State state, List<String> customIds, long atMillis, String tag) {
        Entry {
            customIds = List.copyOf(customIds);
        }

        Entry in(BatchApi.State s, long at) { return new Entry(id, provider, s, customIds, at, tag); }

        Entry created(String batchId, long at) { return new Entry(batchId, provider, BatchApi.State.SUBMITTED, customIds, at, tag); }

        /** One batch's lines share this: the tag (the id is unknown while submitting), else the id. */
        String slot() { return tag != null ? tag : id; }
    }

    /** A chunk's fingerprint: 40 hex digits of SHA-256 over its custom ids (content-derived, never a secret). */
    static String tagOf(List<String> customIds) {
        return "pa-" + dev.promptarena.input.Hashing.sha256(String.join("\n", customIds)).substring(0, 40);
    }

    private final ObjectMapper json;
    private final FileChannel channel;
    private final Map<String, Entry> batches = new LinkedHashMap<>();

    BatchLog(Path file, ObjectMapper json) {
        this.json = json;
        try {
            byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            int good = 0;
            for (int i = 0, start = 0; i < bytes.length; i++) {
                if (bytes[i] != '\n') continue;
                if (i > start) {
                    Entry e = json.readValue(bytes, start, i - start, Entry.class);
                    batches.put(e.slot(), e);
                }
                start = i + 1;
                good = start;
            }
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(good);
            channel.position(good);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    /** Batches not yet seen in a terminal state, in submission order. */
    synchronized List<Entry> live() { return batches.values().stream().filter(e -> !e.state().terminal()).toList(); }

    /** Batch ids the run owns (a lookup never adopts one of these for another chunk). */
    synchronized java.util.Set<String> knownIds() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        batches.values().forEach(e -> { if (e.id() != null) ids.add(e.id()); });
        return ids;
    }

    /** Records {@code e} (on disk before this returns). */
    synchronized void append(Entry e) {
        try {
            ByteBuffer buf = ByteBuffer.wrap((json.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) channel.write(buf);
            channel.force(false);
            batches.put(e.slot(), e);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + FILE, ex);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
