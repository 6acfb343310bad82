package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A truncated JSON line in the golden set or an events file: file, line and the problem, without the parser's internals. */
class MalformedJsonMessageTest {
    @TempDir Path dir;

    private static final String UNCLOSED = "malformed JSON: Unexpected end-of-input: expected close marker for Object";

    @Test
    void aTruncatedGoldenSetLine() throws IOException {
        Path config = CliRuns.arena(dir, "judge: {provider: sim, model: sim-judge-1, order: both, seed: 3}\n");
        Files.writeString(dir.resolve("cases.jsonl"), "{\"id\": \"c1\", \"customer_name\": \"Dana\", \"message\": \"hi\"}\n{\"id\": \"c2\"\n");
        CliRuns.Result v = CliRuns.cli("validate", config.toString());
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), v.exit());
        assertEquals("error: " + dir.resolve("cases.jsonl") + ":2: " + UNCLOSED, v.err().strip());
    }

    @Test
    void aTruncatedEventsLine() throws IOException {
        Path events = Files.writeString(dir.resolve("events.jsonl"), "{\"session\": \"s\"\n");
        CliRuns.Result r = CliRuns.cli("signals", events.toString(), "--out", dir.resolve("out").toString());
        assertEquals(ExitCode.USAGE_OR_INPUT.code(), r.exit());
        assertEquals("error: " + events + ":1: " + UNCLOSED, r.err().strip());
    }
}
