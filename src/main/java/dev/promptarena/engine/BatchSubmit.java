package dev.promptarena.engine;

import dev.promptarena.engine.BatchLane.Pending;
import dev.promptarena.engine.BatchRound.Failed;
import dev.promptarena.llm.BatchApi;
import dev.promptarena.llm.ProviderException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Submission for a {@link BatchRound}: a provider's queued calls chunked to its limits (or the lower test limits),
 * each chunk written to the upload file in the run folder as the provider encodes it (requests read back from the
 * {@link BatchSpool} one at a time, so no chunk is ever in memory), journaled as submitting, then created from that
 * file. A create whose reply was lost leaves the chunk live without an id, for {@link BatchLookup}.
 */
final class BatchSubmit {
    private final BatchLane lane;
    private final Map<String, Double> reserved;

    BatchSubmit(BatchLane lane, Map<String, Double> reserved) {
        this.lane = lane;
        this.reserved = reserved;
    }

    void submit(String provider, List<Pending> items, List<BatchLog.Entry> live, List<Failed> failed, Map<String, Pending> waiting) {
        BatchApi api = lane.apis.get(provider);
        int maxRequests = Math.min(api.limits().maxRequests(), lane.options.maxRequests() == null ? Integer.MAX_VALUE : lane.options.maxRequests());
        long maxBytes = Math.min(api.limits().maxBytes(), lane.options.maxBytes() == null ? Long.MAX_VALUE : lane.options.maxBytes());
        List<String> chunk = new ArrayList<>();
        long bytes = 0;
        OutputStream out = null;
        try {
            for (Pending p : items) {
                byte[] line = api.encode(new BatchApi.Item(p.customId(), lane.request(p)));
                if (line.length > maxBytes) {
                    lane.budget.settle(reserved.getOrDefault(p.customId(), 0.0), 0);
                    failed.add(new Failed(waiting.remove(p.customId()), new ProviderException(ProviderException.Kind.FATAL, 0,
                            "request of " + line.length + " bytes exceeds the batch size limit of " + maxBytes + " bytes", null)));
                    continue;
                }
                if (!chunk.isEmpty() && (chunk.size() >= maxRequests || bytes + line.length > maxBytes)) {
                    out.close();
                    out = null;
                    create(provider, api, chunk, live, failed, waiting);
                    chunk = new ArrayList<>();
                    bytes = 0;
                }
                if (out == null) out = new java.io.BufferedOutputStream(Files.newOutputStream(lane.uploadFile), 64 * 1024);
                out.write(line);
                chunk.add(p.customId());
                bytes += line.length;
            }
            if (out != null) {
                out.close();
                out = null;
                create(provider, api, chunk, live, failed, waiting);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the batch upload " + lane.uploadFile, e);
        } finally {
            try {
                if (out != null) out.close();
                Files.deleteIfExists(lane.uploadFile); // the provider has the chunk (or it failed): the file is done with
            } catch (IOException e) {
                lane.options.log().accept("cannot delete " + lane.uploadFile + ": " + e.getMessage());
            }
        }
    }

    private void create(String provider, BatchApi api, List<String> ids, List<BatchLog.Entry> live, List<Failed> failed,
                        Map<String, Pending> waiting) {
        // Journaled before the create is sent: if its reply is lost (or the process dies waiting), the batch is looked up, not paid twice.
        BatchLog.Entry entry = new BatchLog.Entry(null, provider, BatchApi.State.SUBMITTING, ids, lane.clock.millis(), BatchLog.tagOf(ids));
        lane.log.append(entry);
        try {
            entry = entry.created(api.submit(lane.uploadFile, entry.tag()), lane.clock.millis());
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.FATAL) {
                live.add(entry); // the batch may exist: the poll loop looks it up before anything is sent again
                lane.options.log().accept("batch " + provider + ": no reply to the create (" + e.getMessage() + "); looking the batch up");
                return;
            }
            lane.log.append(entry.in(BatchApi.State.FAILED, lane.clock.millis()));
            for (String id : ids) {
                lane.budget.settle(reserved.getOrDefault(id, 0.0), 0);
                failed.add(new Failed(waiting.remove(id), e));
            }
            lane.options.log().accept("batch " + provider + ": submission failed: " + e.getMessage());
            return;
        }
        lane.log.append(entry);
        live.add(entry);
        lane.options.log().accept(String.format(Locale.ROOT, "batch %s %s: submitted (%d requests)", provider, entry.id(), ids.size()));
    }
}
