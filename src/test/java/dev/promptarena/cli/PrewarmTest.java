package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.engine.RequestKeys;
import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up swallows every failure (a run must not fail because of it), so a call-path round that started
 * throwing, e.g. after a record gained a rule its made-up data breaks, would silently stop warming anything. Pinned here.
 */
class PrewarmTest {
    @Test
    void callPathRoundsRunWithoutFailing() throws Exception {
        ObjectMapper json = new ObjectMapper();
        RequestKeys keys = new RequestKeys();
        for (int i = 0; i < 3; i++) {
            // The request body, a journal line with the key, and the cache entry: each at least a JSON object's worth.
            assertTrue(Prewarm.callPath(json, keys, i) > 200);
        }
    }
}
