package dev.promptarena.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.util.HashSlots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Requests that several journals each sent (a sharded run's: two cases whose prompts render the same, or whose judge is
 * shown the same pair, fall in different shards, and each shard sends and pays for the request a single machine sends
 * once and serves the other case from). Fed the journals one after another, line by line; holds 21 to 32 bytes a sent
 * request ({@link HashSlots}). The table is keyed by the request key's first 64 bits: the key is a SHA-256, so two
 * requests sharing them (odds about n²/2^65) would only miscount this summary, never a payment.
 */
public final class RepeatedSends {
    /** The requests sent by more than one journal, the sends beyond each one's first, and what those cost. */
    public record Summary(long requests, long extraSends, double extraUsd) {}

    private final ObjectMapper json = new ObjectMapper();
    /** Request key to (index of the first journal that sent it) * 2 + (1 once another journal sent it too). */
    private final HashSlots firstSender = new HashSlots();
    private int journal = -1;
    private long requests;
    private long extraSends;
    private double extraUsd;

    /** The lines that follow are the next journal's. */
    public void nextJournal() { journal++; }

    /** One complete journal line (without its newline); a line that is not a journal entry is not counted. */
    public void line(String line) {
        JournalLine.Head head;
        try {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            head = JournalLine.head(json, bytes, bytes.length);
        } catch (IOException notAnEntry) {
            return;
        }
        if (!head.sent()) return;
        long h;
        try {
            h = Long.parseUnsignedLong(head.key().substring(0, Math.min(16, head.key().length())), 16);
        } catch (NumberFormatException notAKeyOfOurs) {
            return;
        }
        long seen = firstSender.get(h, v -> true);
        if (seen < 0) {
            firstSender.put(h, 2L * journal, v -> true);
            return;
        }
        if (seen >> 1 == journal) return; // sent again by the same journal: not a repeat across machines
        extraSends++;
        extraUsd += head.costUsd();
        if ((seen & 1) == 0) {
            requests++;
            firstSender.put(h, seen | 1, v -> true);
        }
    }

    public Summary summary() { return new Summary(requests, extraSends, extraUsd); }
}
