package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.Usage;
import dev.promptarena.input.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JournalLine}: the open binds of each line only its slot, outcome and cost, and the read-back binds the answer
 * without the request (issue 21, branch journal). What a resume gets must equal what was journaled, field by field,
 * and a line that is JSON but not a journal entry must still be refused at open, naming its line.
 */
class JournalLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    @Test
    void theHeadAndTheReadBackEqualWhatWasJournaledWithoutTheRequest() throws Exception {
        LlmResponse answer = new LlmResponse("an \"answer\"\nwith lines", "m-1", "fp", new Usage(11, 7), "length", 42, 3, true);
        JournalEntry ok = new JournalEntry("k1", "JUDGE", "p", "{\"messages\":[{\"content\":\"both answers\"}]}",
                answer, null, 0.125, 1234L);
        JournalEntry failed = new JournalEntry("k2", "A", "p", null, null, new CallFailure("FATAL", 400, "bad"), 0.0, 99L);
        for (JournalEntry e : new JournalEntry[] {ok, failed}) {
            byte[] line = JSON.writeValueAsBytes(e);
            JournalLine.Head head = JournalLine.head(JSON, line, line.length);
            assertEquals(new JournalLine.Head(e.key(), e.role(), e.succeeded(), e.costUsd(), Usage.NONE,
                    e.succeeded() && e.response().cached()), head);
            assertEquals(e.slot(), head.slot());
            JournalEntry back = JournalLine.entry(JSON, line, line.length);
            assertEquals(new JournalEntry(e.key(), e.role(), e.provider(), null, e.response(), e.failure(), e.costUsd(), e.atMillis()), back);
        }
        Path file = dir.resolve("journal.jsonl");
        try (Journal j = Journal.open(file, JSON, Runnable::run)) {
            j.append(ok).join();
            j.append(failed).join();
        }
        try (Journal j = Journal.open(file, JSON, Runnable::run)) {
            JournalEntry back = j.completed("JUDGE", "k1");
            assertEquals(answer, back.response());
            assertNull(back.request(), "the request is skipped, not bound");
            assertNull(j.completed("A", "k2"), "a failure is not an answer");
            assertEquals(2, j.loadedEntries());
            assertEquals(0.125, j.spentUsd(), 0.0);
        }
    }

    @Test
    void theOpenSumsPerRoleTheTokensBilledBeforeSentAnswersButNotBeforeCacheHits() throws Exception {
        LlmResponse sent = new LlmResponse("a", "m", null, new Usage(11, 7), "stop", 1, 2, false).withBilledBefore(new Usage(20, 5));
        Path file = dir.resolve("journal.jsonl");
        try (Journal j = Journal.open(file, JSON, Runnable::run)) {
            j.append(new JournalEntry("k1", "A", "p", null, sent, null, 0.1, 1L)).join();
            j.append(new JournalEntry("k2", "A", "p", null, sent, null, 0.1, 2L)).join();
            // A cache hit carries the answer's billedBefore too, but this run paid nothing for it (cost 0).
            j.append(new JournalEntry("k3", "A", "p", null, sent.asCached(), null, 0.0, 3L)).join();
            j.append(new JournalEntry("k4", "B", "p", null, sent.withBilledBefore(Usage.NONE), null, 0.1, 4L)).join();
        }
        byte[] line = JSON.writeValueAsBytes(new JournalEntry("k1", "A", "p", null, sent, null, 0.1, 1L));
        assertEquals(new Usage(20, 5), JournalLine.head(JSON, line, line.length).billed());
        try (Journal j = Journal.open(file, JSON, Runnable::run)) {
            assertEquals(Map.of("A", new Usage(40, 10)), j.billedByRole());
            assertEquals(sent, j.completed("A", "k1").response(), "the answer still reads back whole");
        }
    }

    /** A failed call's line keeps the tokens billed without an answer (before, only their cost), and the open sums them. */
    @Test
    void theOpenSumsPerRoleTheTokensAFailedCallWasBilled() throws Exception {
        CallFailure billed = new CallFailure("TRANSIENT", 200, "no choices", new Usage(20, 5));
        JournalEntry failed = new JournalEntry("k1", "JUDGE", "p", null, null, billed, 0.03, 1L);
        byte[] line = JSON.writeValueAsBytes(failed);
        assertEquals(new Usage(20, 5), JournalLine.head(JSON, line, line.length).billed());
        assertEquals(billed, JournalLine.entry(JSON, line, line.length).failure(), "the failure reads back whole");
        byte[] unbilled = JSON.writeValueAsBytes(new JournalEntry("k2", "JUDGE", "p", null, null, new CallFailure("FATAL", 400, "bad"), 0, 2L));
        assertFalse(new String(unbilled, StandardCharsets.UTF_8).contains("billed"), "a line without billed tokens is written as before");
        Path file = dir.resolve("journal.jsonl");
        try (Journal j = Journal.open(file, JSON, Runnable::run)) {
            j.append(failed).join();
            j.append(new JournalEntry("k1", "JUDGE", "p", null, null, billed, 0.03, 3L)).join(); // tried again on resume, billed again
            j.append(new JournalEntry("k2", "JUDGE", "p", null, null, new CallFailure("FATAL", 400, "bad"), 0, 4L)).join();
        }
        // A line an older version wrote (no billed tokens) reads as none.
        Files.writeString(file, "{\"key\":\"k3\",\"role\":\"B\",\"response\":null,\"failure\":{\"kind\":\"FATAL\",\"status\":400,"
                + "\"message\":\"old\"},\"costUsd\":0.01,\"atMillis\":5}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Journal j = Journal.open(file, JSON, Runnable::run)) {
            assertEquals(Map.of("JUDGE", new Usage(40, 10)), j.billedByRole());
            assertEquals(0.07, j.spentUsd(), 1e-12);
        }
    }

    @Test
    void jsonThatIsNotAJournalEntryIsStillRefusedAtOpen() throws Exception {
        String good = "{\"key\":\"k\",\"role\":\"A\",\"provider\":\"p\",\"request\":null,";
        String[][] cases = {
                {good + "\"response\":\"text\",\"failure\":null,\"costUsd\":0.1,\"atMillis\":1}", "'response' is neither an object nor null"},
                {good + "\"response\":null,\"failure\":null,\"costUsd\":0.1,\"atMillis\":1}", "exactly one of response and failure"},
                {"{\"role\":\"A\",\"response\":null,\"failure\":{\"kind\":\"FATAL\"},\"costUsd\":0,\"atMillis\":1}", "key and role are required"},
                {good + "\"response\":null,\"failure\":{\"kind\":\"FATAL\"},\"costUsd\":\"cheap\",\"atMillis\":1}", "'costUsd' is not a number"},
                {"[1, 2]", "not a JSON object"},
                {good + "\"response\":{\"text\":\"a\"", "Unexpected end-of-input"},
        };
        for (String[] c : cases) {
            Path file = dir.resolve("j" + c[0].hashCode() + ".jsonl");
            Files.writeString(file, c[0] + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            InputException e = assertThrows(InputException.class, () -> Journal.open(file, JSON, Runnable::run), c[0]);
            assertTrue(e.describe().startsWith(file + ":1: not a journal entry (bytes 0 to "), e.describe());
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
    }

    @Test
    void aFieldALaterVersionAddsIsSkipped() throws Exception {
        String line = "{\"key\":\"k\",\"role\":\"B\",\"shard\":{\"of\":[1,2]},\"response\":{\"text\":\"hi\",\"model\":\"m\"},"
                + "\"failure\":null,\"costUsd\":0.5,\"atMillis\":7}";
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        JournalLine.Head head = JournalLine.head(JSON, bytes, bytes.length);
        assertTrue(head.succeeded());
        assertEquals("hi", JournalLine.entry(JSON, bytes, bytes.length).response().text());
        assertFalse(JournalLine.entry(JSON, bytes, bytes.length).response().cached());
    }

    @Test
    void theConstructorAndTheStreamingParseRefuseTheSameEntriesInTheSameWords() throws Exception {
        // One rule set (JournalEntry.brokenRule) serves both paths: each broken entry is refused by both, with one message.
        LlmResponse answer = new LlmResponse("a", "m", null, new Usage(1, 1), "stop", 1, 1, false);
        CallFailure failure = new CallFailure("FATAL", 400, "bad");
        Object[][] broken = {{null, "A", answer, null}, {"k", null, null, failure}, {"k", "A", null, null}, {"k", "A", answer, failure}};
        for (Object[] b : broken) {
            IllegalArgumentException built = assertThrows(IllegalArgumentException.class, () -> new JournalEntry((String) b[0],
                    (String) b[1], "p", null, (LlmResponse) b[2], (CallFailure) b[3], 0.0, 1L));
            java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
            String[] names = {"key", "role", "response", "failure"};
            for (int k = 0; k < names.length; k++) if (b[k] != null) fields.put(names[k], b[k]);
            byte[] line = JSON.writeValueAsBytes(fields);
            java.io.IOException streamed = assertThrows(java.io.IOException.class, () -> JournalLine.head(JSON, line, line.length));
            assertEquals(built.getMessage(), streamed.getMessage(), new String(line, StandardCharsets.UTF_8));
        }
    }
}
