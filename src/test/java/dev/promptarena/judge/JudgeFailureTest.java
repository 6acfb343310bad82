package dev.promptarena.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.llm.ProviderException.Kind;
import dev.promptarena.stats.Winner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reason a failed judge call records, and traces written before reasons were recorded. */
class JudgeFailureTest {
    @Test
    void reasonsNameTheFailure() {
        assertEquals("rate limited, HTTP 429", JudgeFailure.reason(new ProviderException(Kind.RATE_LIMITED, 429, "slow down", null)));
        assertEquals("server error, HTTP 503", JudgeFailure.reason(new ProviderException(Kind.TRANSIENT, 503, "unavailable", null)));
        assertEquals("timeout", JudgeFailure.reason(new ProviderException(Kind.TRANSIENT, 0, "timeout after 2000 ms (headers and body)", null)));
        assertEquals("connection error", JudgeFailure.reason(new ProviderException(Kind.TRANSIENT, 0, "connection reset", null)));
        assertEquals("provider error, HTTP 401", JudgeFailure.reason(new ProviderException(Kind.FATAL, 401, "bad key", null)));
        assertEquals("error", JudgeFailure.reason(new IllegalStateException("x")));
        String error = JudgeFailure.error(new ProviderException(Kind.TRANSIENT, 500, "internal (5 attempts)", null));
        assertEquals("judge call failed (server error, HTTP 500): internal (5 attempts)", error);
        assertEquals("server error, HTTP 500", JudgeFailure.reasonOf(trace(error)));
    }

    @Test
    void aFailedTraceFromAnOlderRunFolderStillReadsAsAJudgeError() throws Exception {
        // The form PairJudge wrote before reasons were recorded.
        String line = "{\"judge\":\"j\",\"sample\":0,\"bFirst\":false,\"status\":\"failed\",\"winner\":\"UNPARSEABLE\",\"scoresA\":{},"
                + "\"scoresB\":{},\"reason\":\"\",\"rawReply\":\"\",\"repaired\":false,\"error\":\"judge call failed: internal\",\"costUsd\":0.0}";
        JudgeTrace t = new ObjectMapper().readValue(line, JudgeTrace.class);
        assertEquals("unknown", JudgeFailure.reasonOf(t));
        assertTrue(t.toVote().judgeFailed());
        assertTrue(!t.toVote().unparseable());
    }

    private static JudgeTrace trace(String error) {
        return new JudgeTrace("j", 0, false, JudgeStatus.FAILED, Winner.UNPARSEABLE, Map.of(), Map.of(), "", "", false, error, 0, false);
    }
}
