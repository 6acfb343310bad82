package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A judge whose token limit is too small for its verdict, end to end: every reply is cut off, the
 * re-ask is cut off too, the votes are unparseable and flagged as truncated, and the unparseable-rate
 * guardrail turns the run into a run error (exit 4) rather than a verdict on no evidence.
 */
class TruncatedJudgeRunTest {
    @TempDir Path dir;

    @Test
    void aJudgeCutOffAtItsTokenLimitIsCountedAndGatedAsARunError() throws IOException {
        Path config = CliRuns.arena(dir, """
                judge: {provider: sim, model: sim-judge-1, decoding: {max_tokens: 12}}
                decision:
                  guardrails: {unparseable_rate_max: 0.1}
                """);
        CliRuns.Result r = CliRuns.cli("run", config.toString(), "-q", "--limit", "3");
        assertEquals(4, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("3 judge replies were cut off at the judge's token limit"), r.out());
        assertTrue(r.out().contains("DECISION: RUN_ERROR"), r.out());

        JsonNode analysis = new ObjectMapper().readTree(CliRuns.newestRun(dir.resolve("reports")).resolve("report.json").toFile()).path("analysis");
        assertEquals(3, analysis.path("judgePanel").path("truncatedVotes").asInt());
        assertEquals(1.0, analysis.path("operations").path("unparseableRate").asDouble());
        assertEquals(3, analysis.path("winRate").path("unparseable").asInt());
    }
}
