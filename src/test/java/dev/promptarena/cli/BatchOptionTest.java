package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.engine.EngineOptions;
import dev.promptarena.run.ArenaInputs;
import dev.promptarena.testing.ArenaFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch states printed on stderr carry the provider's words (batch ids, error texts): no terminal control sequences. */
class BatchOptionTest {
    @TempDir Path dir;

    @Test
    void batchStatesArePrintedWithoutTerminalControlSequences() throws Exception {
        ArenaFixture.goldenSet(dir, 2);
        Path cfg = ArenaFixture.config(dir, "oa: {type: openai, base_url: \"http://127.0.0.1:1/v1\", api_key_env: K}", "oa", "oa", "random",
                "engine: {mode: batch}");
        ArenaConfig config = ArenaInputs.load(cfg, Map.of("K", "sk-test")).config();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EngineOptions e = new BatchOption().apply(EngineOptions.defaults(Map.of()), config, false, new PrintStream(err, true, StandardCharsets.UTF_8));
        e.batch().log().accept("batch oa batch_\u001B]0;pwned\u0007x: submission failed: HTTP 400: bad\u001B[2J");
        String s = err.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("batch oa batch_x: submission failed: HTTP 400: bad"), s);
        assertTrue(s.chars().noneMatch(c -> c == 0x1B || c == 0x07), s);
    }
}
