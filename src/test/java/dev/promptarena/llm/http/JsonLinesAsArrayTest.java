package dev.promptarena.llm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anthropic's batch body streamed from a file of JSON lines is the JSON array of those values, byte for byte in length. */
class JsonLinesAsArrayTest {
    @TempDir Path dir;

    @Test
    void lineBreaksBecomeCommasAndTheLastOneASpace() throws Exception {
        String lines = "{\"custom_id\":\"a\",\"text\":\"x\\ny\"}\n{\"custom_id\":\"b\",\"text\":\"ünï\"}\n{\"custom_id\":\"c\"}\n";
        Path file = dir.resolve("lines.jsonl");
        Files.writeString(file, lines);
        long size = Files.size(file);
        String body;
        try (InputStream in = JsonLinesAsArray.open(file, size)) {
            byte[] head = new byte[5];
            assertEquals(5, in.read(head, 0, 5));
            int one = in.read(); // the single-byte read path too
            body = new String(head, StandardCharsets.UTF_8) + (char) one + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(size, body.getBytes(StandardCharsets.UTF_8).length);
        var array = new ObjectMapper().readTree("[" + body + "]");
        assertEquals(3, array.size());
        assertEquals("x\ny", array.get(0).path("text").asText());
        assertEquals("ünï", array.get(1).path("text").asText());
        assertEquals("c", array.get(2).path("custom_id").asText());
    }
}
