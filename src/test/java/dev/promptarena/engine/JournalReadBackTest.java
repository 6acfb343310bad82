package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.LlmResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Journal#appendLocated} and {@link Journal#read}: batch mode keeps only each answer's offset and reads the
 * answer back, so every entry, long ones (over the 16 KB read buffer) included, must come back exactly.
 */
class JournalReadBackTest {
    @TempDir Path dir;

    @Test
    void everyAppendedEntryIsReadBackExactlyFromItsOffset() {
        ObjectMapper json = new ObjectMapper();
        List<JournalEntry> written = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        try (Journal j = Journal.open(dir.resolve("journal.jsonl"), json, Runnable::run)) {
            for (int i = 0; i < 5; i++) {
                String text = ("answer " + i + " é ").repeat(i == 3 ? 4000 : 1 + i); // entry 3 spans several reads
                LlmResponse r = new LlmResponse(text, "model-" + i, null, new dev.promptarena.llm.Usage(10 + i, 20 + i), "stop", 0, 1, false);
                JournalEntry e = new JournalEntry("k" + i, "A", "p", null, r, null, 0.5 * i, 1000L + i);
                written.add(e);
                offsets.add(j.appendLocated(e).join());
            }
            assertEquals(0L, offsets.get(0));
            for (int i = 1; i < offsets.size(); i++) assertNotEquals(offsets.get(i - 1), offsets.get(i));
            for (int i = written.size() - 1; i >= 0; i--) {
                JournalEntry back = j.read(offsets.get(i));
                assertEquals(written.get(i).response(), back.response());
                assertEquals(written.get(i).key(), back.key());
                assertEquals(written.get(i).costUsd(), back.costUsd());
            }
        }
    }
}
