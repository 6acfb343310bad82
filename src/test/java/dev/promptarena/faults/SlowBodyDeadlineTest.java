package dev.promptarena.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.http.AdaptiveLimiter;
import dev.promptarena.llm.http.JsonHttp;
import dev.promptarena.llm.http.RetryListener;
import dev.promptarena.llm.http.RetryPolicy;
import dev.promptarena.llm.http.RetryingClient;
import dev.promptarena.llm.openai.OpenAiClient;
import dev.promptarena.testing.FakeOpenAiServer;
import dev.promptarena.testing.FakeOpenAiServer.Reply;
import dev.promptarena.testing.RecordingDelayer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 1: a reply whose headers arrive but whose body stalls or trickles must not hold a
 * call forever. The deadline covers headers and body; the timeout is TRANSIENT and retried by the
 * one retry layer. Outcomes and counts only: the server's stall (60 s) and trickle (a second a byte) are far
 * beyond the 3 s deadline, and a normal reply (a few ms) far inside it even on a loaded machine (a 1 s deadline left
 * little margin for the third, normal attempt under load), so the outcome does not depend on scheduling.
 */
class SlowBodyDeadlineTest {
    private final FakeOpenAiServer server = new FakeOpenAiServer();

    @AfterEach
    void stop() { server.close(); }

    private OpenAiClient client() {
        ProviderConfig p = new ProviderConfig("p", "openai", server.baseUrl(), "OPENAI_API_KEY", 4, null, null, Map.of(), Map.of());
        return new OpenAiClient(p, "sk-test-SECRET123", JsonHttp.clientFor(p.baseUrl(), Duration.ofSeconds(2)),
                Duration.ofSeconds(3), Clock.systemUTC());
    }

    private static LlmRequest request() {
        return new LlmRequest("gpt-4o-mini", null, List.of(ChatMessage.user("hi")), new Decoding(0.0, null, 64, 42L), null, 0);
    }

    @Test
    void aBodyThatStallsOrTricklesFailsAsATransientTimeout() {
        OpenAiClient c = client();
        server.enqueue(Reply.stallMidBody(60_000), Reply.trickle(1_000));
        for (int i = 0; i < 2; i++) {
            // get with a generous bound only so a regression fails instead of hanging the suite
            ExecutionException e = assertThrows(ExecutionException.class, () -> c.send(request()).get(30, TimeUnit.SECONDS));
            ProviderException pe = assertInstanceOf(ProviderException.class, e.getCause());
            assertEquals(ProviderException.Kind.TRANSIENT, pe.kind(), pe.getMessage());
            assertTrue(pe.getMessage().contains("timeout"), pe.getMessage());
        }
        assertEquals(1, server.count("stall"));
        assertEquals(1, server.count("trickle"));
    }

    @Test
    void theRetryLayerRetriesTheTimeoutAndTheThirdAttemptSucceeds() throws Exception {
        server.enqueue(Reply.stallMidBody(60_000), Reply.trickle(1_000));
        RecordingDelayer delayer = new RecordingDelayer();
        RetryingClient retrying = new RetryingClient(client(), new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMinutes(1)),
                new AdaptiveLimiter(4, Duration.ofSeconds(1), Clock.systemUTC()), null, null, delayer, () -> 0.5, RetryListener.NONE);
        LlmResponse r = retrying.send(request()).get(30, TimeUnit.SECONDS);
        assertEquals("echo: hi", r.text());
        assertEquals(3, r.attempts());
        assertEquals(3, server.requests().size());
        assertEquals(2, delayer.waits().size(), "two timeouts, two backoffs");
    }
}
