package dev.promptarena.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.LlmRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The requests of the calls a collecting pass queued for the next batch, on disk ({@value #FILE} in the run folder)
 * instead of in memory (issue 21): a judge request holds both answers, and 10,000 of them plus the upload built from
 * them made a batch run peak ~85 MB above a synchronous one. Memory keeps only where each request is; the round reads
 * them back to write the upload and to land the answers, then {@link #clear}s the file. Nothing here needs to survive
 * a kill: a resumed run's collecting pass queues the same calls again (their batches are found through
 * {@link BatchLog}), so the file is emptied when it is opened. Requests carry no secret (keys travel in headers).
 */
final class BatchSpool implements AutoCloseable {
    /** The file's name inside the run folder. */
    static final String FILE = "batch-pending.jsonl";

    /** Where one request is in the file. */
    record Slot(long offset, int length) {}

    // Nulls omitted: an absent responseSchema reads back as null, as it was.
    private final ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final Path file;
    private FileChannel channel;
    private long size;

    BatchSpool(Path file) {
        this.file = file;
    }

    /** Appends {@code request}; any thread. */
    Slot add(LlmRequest request) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a batch request", e);
        }
        byte[] line = java.util.Arrays.copyOf(body, body.length + 1); // one a line: the file stays readable JSONL
        line[body.length] = '\n';
        synchronized (this) {
            try {
                if (channel == null) channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                ByteBuffer buf = ByteBuffer.wrap(line);
                long at = size;
                while (buf.hasRemaining()) at += channel.write(buf, at);
                Slot slot = new Slot(size, body.length);
                size = at;
                return slot;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    /** The request stored at {@code slot}. A positional read: safe while other threads append. */
    LlmRequest read(Slot slot) {
        ByteBuffer buf = ByteBuffer.allocate(slot.length());
        try {
            FileChannel ch;
            synchronized (this) {
                ch = channel;
            }
            if (ch == null) throw new IOException("nothing was spooled");
            while (buf.hasRemaining()) {
                if (ch.read(buf, slot.offset() + buf.position()) < 0) throw new IOException("the file ends inside a request");
            }
            return json.readValue(buf.array(), LlmRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back a batch request from " + file, e);
        }
    }

    /** Deletes the file (the round's answers have landed); the next {@link #add} starts a new one. */
    synchronized void clear() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            channel = null;
            size = 0;
        }
    }
}
