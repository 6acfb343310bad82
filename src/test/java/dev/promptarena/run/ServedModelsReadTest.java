package dev.promptarena.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal is streamed for the served models: only role, request.model, response.model and systemFingerprint count. */
class ServedModelsReadTest {
    @TempDir Path dir;

    @Test
    void readsOnlyTheServedFieldsWhateverTheirOrderAndNesting() throws Exception {
        Path journal = dir.resolve("journal.jsonl");
        Files.writeString(journal, String.join("\n",
                // decoys: a "model" inside the messages and inside usage, a "response" inside the request
                "{\"key\":\"k1\",\"role\":\"A\",\"request\":{\"messages\":[{\"model\":\"decoy\",\"content\":\"{\\\"model\\\":\\\"x\\\"}\"}],"
                        + "\"response\":{\"model\":\"decoy\"},\"model\":\"m-a\"},\"response\":{\"text\":\"hi\",\"usage\":{\"model\":\"decoy\"},"
                        + "\"systemFingerprint\":\"fp1\",\"model\":\"m-a-001\"},\"failure\":null}",
                "{\"role\":\"A\",\"response\":{\"model\":\"m-a-001\",\"systemFingerprint\":\"fp1\"},\"request\":{\"model\":\"m-a\"}}",
                "",
                "{\"role\":\"A\",\"request\":{\"model\":\"m-a\"},\"response\":{\"model\":\"m-a-002\",\"systemFingerprint\":null}}",
                // a failed call served nothing
                "{\"role\":\"JUDGE\",\"request\":{\"model\":\"j\"},\"response\":null,\"failure\":{\"reason\":\"timeout\"}}",
                "{\"role\":\"JUDGE\",\"request\":{\"model\":\"j\"},\"response\":{\"text\":\"{}\"}}",
                "{\"role\":\"JUDGE\",\"request\":{\"model\":\"j\"},\"response\":{\"model\":\"j-1\",\"systemFingerprint\":\"fp9\"}}",
                "{\"role\":\"JUDGE\",\"request\":{\"model\":\"j\"},\"response\":{\"model\":\"j-1\",\"systemFingerprint\":\"fp9\"}}") + "\n");
        Map<String, List<ServedModels.Served>> served = ServedModels.read(journal);
        assertEquals(List.of("A", "JUDGE"), List.copyOf(served.keySet()));
        assertEquals(List.of(new ServedModels.Served("m-a", "m-a-001", "fp1", 2), new ServedModels.Served("m-a", "m-a-002", null, 1)),
                served.get("A"));
        assertEquals(List.of(new ServedModels.Served("j", "j-1", "fp9", 2), new ServedModels.Served("j", null, null, 1)), served.get("JUDGE"));
    }

    @Test
    void splitAtAnyLineStartGivesTheWholeFilesResult() throws Exception {
        // Large journals are parsed in two parts on two threads (SPLIT_FROM): at every line start, the same served models.
        Path journal = dir.resolve("journal.jsonl");
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String role = List.of("A", "B", "JUDGE").get(i % 3);
            String response = i % 7 == 0 ? "null" : "{\"model\":\"" + role + "-" + (i % 4 == 0 ? 2 : 1) + "\",\"systemFingerprint\":"
                    + (i % 5 == 0 ? "null" : "\"fp" + (i % 2) + "\"") + ",\"text\":\"line\\nbreak \\\"model\\\"\"}";
            lines.add("{\"role\":\"" + role + "\",\"request\":{\"model\":\"m-" + role + "\"},\"response\":" + response + "}");
            if (i % 9 == 0) lines.add(""); // blank lines as well
        }
        Files.writeString(journal, String.join("\n", lines) + "\n");
        Map<String, List<ServedModels.Served>> whole = ServedModels.read(journal, 0);
        assertEquals(java.util.Set.of("A", "B", "JUDGE"), whole.keySet());
        byte[] bytes = Files.readAllBytes(journal);
        int splits = 0;
        for (int at = 1; at < bytes.length; at++) {
            if (bytes[at - 1] != '\n') continue;
            assertEquals(whole, ServedModels.read(journal, at), "split at byte " + at);
            splits++;
        }
        assertEquals(lines.size() - 1, splits);
        // A truncated last line fails the second part: nothing, as for the whole file.
        Files.writeString(journal, String.join("\n", lines) + "\n{\"role\":\"A\",\"req");
        assertEquals(Map.of(), ServedModels.read(journal, bytes.length));
        assertEquals(Map.of(), ServedModels.read(journal, 0));
    }

    @Test
    void aTruncatedJournalOrNoneGivesNothingAsBefore() throws Exception {
        Path journal = dir.resolve("journal.jsonl");
        Files.writeString(journal, "{\"role\":\"A\",\"request\":{\"model\":\"m\"},\"response\":{\"model\":\"m-1\"}}\n{\"role\":\"A\",\"req");
        assertEquals(Map.of(), ServedModels.read(journal));
        assertEquals(Map.of(), ServedModels.read(dir.resolve("missing.jsonl")));
    }
}
