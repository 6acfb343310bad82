package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.LlmRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch spool gives back exactly the request it was given, so a landed answer is journaled under the same key. */
class BatchSpoolTest {
    @TempDir Path dir;

    @Test
    void requestsReadBackEqualToWhatWasSpooledAndClearDeletesTheFile() throws Exception {
        LlmRequest plain = new LlmRequest("judge-model", null, List.of(new ChatMessage("user", "A: \"quoted\"\nline two ünïcode")),
                new Decoding(0.7, null, 200, 1L), null, 0);
        LlmRequest rich = new LlmRequest("model-b", "Be helpful.", List.of(new ChatMessage("user", "hi"), new ChatMessage("assistant", "x"),
                new ChatMessage("user", "again")), Decoding.UNSET, new ObjectMapper().readTree("{\"type\":\"object\",\"required\":[\"a\"]}"), 2, 1);
        Path file = dir.resolve(BatchSpool.FILE);
        BatchSpool spool = new BatchSpool(file);
        BatchSpool.Slot a = spool.add(plain);
        BatchSpool.Slot b = spool.add(rich);
        assertEquals(plain, spool.read(a));
        assertEquals(rich, spool.read(b));
        assertNull(spool.read(a).responseSchema(), "an absent schema stays absent");
        assertEquals(2, Files.readAllLines(file).size(), "one request a line");
        RequestKeys keys = new RequestKeys();
        assertEquals(keys.key("p", keys.normalized(rich)), keys.key("p", keys.normalized(spool.read(b))), "same cache key after the round trip");
        spool.clear();
        assertFalse(Files.exists(file));
        BatchSpool.Slot again = spool.add(rich); // a new round starts a new file
        assertEquals(0, again.offset());
        assertEquals(rich, spool.read(again));
        spool.close();
        assertTrue(Files.exists(file));
    }
}
