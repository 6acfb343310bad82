package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Usage;
import dev.promptarena.input.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.ToLongFunction;
import dev.promptarena.util.HashSlots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's index at open (issue 21): slots map to offsets and entries are read back on demand, so slots that
 * share a 64-bit hash must still find their own entry, and the streamed scan must keep the old rules (later
 * success wins, a failure never hides a success, torn last line cut, corrupt line refused) across chunk borders.
 */
class JournalIndexTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    private static JournalEntry ok(String role, String key, String text, double cost) {
        return new JournalEntry(key, role, "p", "{\"prompt\":\"" + key + "\"}",
                new LlmResponse(text, "m", null, new Usage(1, 2), "stop", 0, 1, false), null, cost, 1L);
    }

    private static JournalEntry failed(String role, String key) {
        return new JournalEntry(key, role, "p", null, null, new CallFailure("http_error", 500, "boom"), 0.0, 2L);
    }

    private Path write(JournalEntry... entries) {
        Path file = dir.resolve("journal.jsonl");
        try (Journal j = Journal.open(file, JSON, Runnable::run)) {
            for (JournalEntry e : entries) j.append(e).join();
        }
        return file;
    }

    @Test
    void slotsSharingOneHashEachFindTheirOwnEntry() {
        Path file = write(ok("A", "k1", "a1", 0.25), ok("B", "k1", "b1", 0.5), ok("JUDGE", "k2", "j2", 1.0), ok("A", "k3", "a3", 2.0));
        ToLongFunction<String> oneHash = slot -> 42L; // every slot collides
        try (Journal j = Journal.open(file, JSON, Runnable::run, oneHash)) {
            assertEquals("a1", j.completed("A", "k1").response().text());
            assertEquals("b1", j.completed("B", "k1").response().text());
            assertEquals("j2", j.completed("JUDGE", "k2").response().text());
            assertEquals("a3", j.completed("A", "k3").response().text());
            assertNull(j.completed("B", "k3"), "a slot never journaled misses even when its hash is taken");
            assertNull(j.completed("A", "k1").request(), "as before: the request is not handed back");
            assertEquals(3.75, j.spentUsd(), 1e-12);
            assertEquals(4, j.loadedEntries());
        }
        ToLongFunction<String> zeroHash = slot -> 0L; // 0 marks a free slot in the table: must still work
        try (Journal j = Journal.open(file, JSON, Runnable::run, zeroHash)) {
            assertEquals("b1", j.completed("B", "k1").response().text());
            assertNull(j.completed("JUDGE", "k1"));
        }
    }

    @Test
    void laterSuccessWinsAndAFailureNeverHidesASuccessUnderCollisions() {
        Path file = write(ok("A", "k1", "first", 1.0), failed("A", "k2"), ok("B", "k1", "b", 0.5), failed("A", "k1"),
                ok("A", "k1", "second", 2.0), failed("A", "k1"), failed("JUDGE", "k9"));
        for (ToLongFunction<String> hash : java.util.List.<ToLongFunction<String>>of(HashSlots::hash, slot -> 7L)) {
            try (Journal j = Journal.open(file, JSON, Runnable::run, hash)) {
                assertEquals("second", j.completed("A", "k1").response().text());
                assertEquals("b", j.completed("B", "k1").response().text());
                assertNull(j.completed("A", "k2"), "failed only");
                assertNull(j.completed("JUDGE", "k9"), "failed only");
                // Each success line is a call the provider billed (a slot repeats when two cases send one prompt
                // synchronously): both of A:k1's count, though only the later one answers (issue 21, journal branch).
                assertEquals(3.5, j.spentUsd(), 1e-12);
                assertEquals(java.util.Map.of("A", 3.0, "B", 0.5), j.spentByRole());
                assertEquals(7, j.loadedEntries());
            }
        }
    }

    @Test
    void linesLongerThanTheReadChunkAndATornTailAreHandledAsBefore() throws Exception {
        String big = "x".repeat(200_000); // spans four 64 KB chunks
        Path file = write(ok("A", "k1", big, 0.1), ok("A", "k2", "small", 0.2), ok("B", "k3", big + "y", 0.3));
        long clean = Files.size(file);
        byte[] torn = "{\"key\":\"k4\",\"ro".getBytes(StandardCharsets.UTF_8);
        Files.write(file, torn, StandardOpenOption.APPEND);
        try (Journal j = Journal.open(file, JSON, Runnable::run)) {
            assertEquals(big, j.completed("A", "k1").response().text());
            assertEquals("small", j.completed("A", "k2").response().text());
            assertEquals(big + "y", j.completed("B", "k3").response().text());
            assertEquals(torn.length, j.tornBytes());
            assertEquals(3, j.loadedEntries());
            assertEquals(0.6, j.spentUsd(), 1e-12);
        }
        assertEquals(clean, Files.size(file), "the torn line is cut off before anything is appended");
    }

    @Test
    void aCorruptCompleteLineIsRefusedNamingLineAndBytes() throws Exception {
        Path file = write(ok("A", "k1", "a", 0.1));
        long first = Files.size(file);
        Files.write(file, "\n{not json}\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        InputException e = assertThrows(InputException.class, () -> Journal.open(file, JSON, Runnable::run));
        // Line 2 is blank (skipped, but counted); line 3 runs from byte first+1 to its newline at first+11.
        String expected = file + ":3: not a journal entry (bytes " + (first + 1) + " to " + (first + 11) + "): ";
        assertEquals(expected, e.describe().substring(0, expected.length()));
    }
}
