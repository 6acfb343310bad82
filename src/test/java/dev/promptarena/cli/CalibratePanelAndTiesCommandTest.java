package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.run.RecordedRun;
import dev.promptarena.stats.Vote;
import dev.promptarena.stats.Winner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calibrate}'s split of the judge's mistakes on a panel run with human ties: the members' votes are pooled, each
 * member's two orders of a case are one order pair (docs/statistics.md 17), and a case the humans called a tie or split on
 * is left out of the split and counted.
 */
class CalibratePanelAndTiesCommandTest {
    @TempDir static Path dir;
    static Path run;
    static List<CaseRecord> records;
    static Path labels;

    @BeforeAll
    static void runAPanel() throws IOException {
        Path config = CliRuns.arena(dir, """
                judge: {order: both, seed: 5}
                judges:
                  - {provider: sim, model: sim-judge-1}
                  - {provider: sim, model: sim-judge-2}
                """);
        CliRuns.Result r = CliRuns.cli("run", config.toString(), "-q");
        assertTrue(List.of(0, 1, 3).contains(r.exit()), r.err());
        run = CliRuns.newestRun(dir.resolve("reports"));
        records = RecordedRun.readCases(run.resolve("cases.jsonl"));
        assertEquals(8, records.size());
        // Cases 0 and 1: a tie, and two labellers split; the other six: A on even cases, B on odd ones.
        StringBuilder csv = new StringBuilder("case_id,label,labeler\n");
        csv.append(records.get(0).caseId()).append(",tie,ana\n");
        csv.append(records.get(1).caseId()).append(",A,ana\n").append(records.get(1).caseId()).append(",B,bo\n");
        for (int i = 2; i < records.size(); i++) csv.append(records.get(i).caseId()).append(i % 2 == 0 ? ",A,ana\n" : ",B,ana\n");
        labels = dir.resolve("labels.csv");
        Files.writeString(labels, csv.toString());
    }

    @Test
    void thePanelsVotesArePooledInOrderPairsAndTiesAreLeftOut() throws IOException {
        CliRuns.Result r = CliRuns.cli("calibrate", run.toString(), "--labels", labels.toString(), "--json");
        assertTrue(List.of(0, 1).contains(r.exit()), r.err());
        JsonNode split = new ObjectMapper().readTree(r.out()).path("humanCorrected").path("positionAndLength");
        // Counted from the records: every member's decisive votes on the six decisively labelled cases, and per case and
        // member the pairs of a decisive vote in each order.
        int decisive = 0, wrong = 0, pairs = 0;
        for (int i = 2; i < records.size(); i++) {
            Winner truth = i % 2 == 0 ? Winner.A : Winner.B;
            Map<String, int[]> perJudge = new HashMap<>();
            for (Vote v : records.get(i).outcome().votes()) {
                if (!v.decisive()) continue;
                decisive++;
                if (v.winner() != truth) wrong++;
                perJudge.computeIfAbsent(v.judge(), k -> new int[2])[v.bFirst() ? 0 : 1]++;
            }
            for (int[] orders : perJudge.values()) if (orders[0] == 1 && orders[1] == 1) pairs++;
        }
        assertEquals(2, split.path("casesLeftOut").asInt(), r.out());
        assertEquals(decisive, split.path("decisiveVotes").asInt(), r.out());
        assertEquals(wrong, split.path("wrongVotes").asInt(), r.out());
        assertTrue(decisive > 12, "both members voted on the six cases in both orders: " + decisive);
        assertEquals(decisive, split.path("firstSlot").path("test").path("votes").asInt(), r.out());
        JsonNode paired = split.path("firstSlot").path("pairedTest");
        assertEquals(pairs, paired.path("pairs").asInt(), r.out());
        assertTrue(paired.path("cases").asInt() <= 6, r.out());
        assertTrue(split.path("longer").path("pairedTest").isNull(), r.out());

        CliRuns.Result text = CliRuns.cli("calibrate", run.toString(), "--labels", labels.toString());
        assertTrue(text.out().contains("2 labelled cases the humans called a tie (or split on) left out of the split: no answer was passed over"),
                text.out());
    }
}
