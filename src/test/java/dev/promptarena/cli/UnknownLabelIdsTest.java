package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A labels file whose ids mostly match no case of the run (a typo, another run's file) was refused with "needs labels on
 * at least 2 judged cases of the run, got 1", which does not say why; the refusal now names the ids that matched nothing.
 */
class UnknownLabelIdsTest {
    @TempDir Path dir;

    @Test
    void tooFewLabelsNameTheIdsThatMatchedNoCase() throws Exception {
        Path run = CliRunner.runExample(dir.resolve("runs"));
        Path labels = Files.writeString(dir.resolve("human.csv"), "case_id,label\nship-01,B\nship-001,A\n");
        String expected = "error: " + labels + ": the human-corrected win rate needs labels on at least 2 judged cases of the run, got 1;"
                + " 1 labelled case id(s) match no judged case of the run: 'ship-01' (its case ids look like '";
        for (String command : new String[] {"calibrate", "report"}) {
            CliRuns.Result r = CliRuns.cli(command, run.toString(), "--labels", labels.toString());
            assertEquals(ExitCode.USAGE_OR_INPUT.code(), r.exit(), command + ": " + r.err());
            assertTrue(r.err().startsWith(expected), command + ": " + r.err());
        }
    }

    @Test
    void labelsOfNoJudgedCaseAreNamedWhenTheRestAreEnoughToCorrect() throws Exception {
        Path run = CliRunner.runExample(dir.resolve("runs"));
        // Four labels on cases of the run, two on ids it does not have: the correction uses four, and says so of the two
        // (report left them out without a word; calibrate warned).
        Path labels = Files.writeString(dir.resolve("human.csv"),
                "case_id,label\nship-001,B\nship-002,B\nship-003,A\nship-004,B\nship-01,B\nrefund-9\u001b[31m,A\n");
        CliRuns.Result r = CliRuns.cli("report", run.toString(), "--labels", labels.toString());
        assertTrue(r.exit() != ExitCode.USAGE_OR_INPUT.code(), r.err());
        assertTrue(r.err().contains("warning: 2 labelled case id(s) match no judged case of the run and were left out of the"
                + " human-corrected win rate: 'ship-01', 'refund-9'"), r.err());
        assertFalse(r.err().contains("\u001b"), "the id's terminal sequence is not passed on");

        Path clean = Files.writeString(dir.resolve("clean.csv"), "case_id,label\nship-001,B\nship-002,B\nship-003,A\n");
        CliRuns.Result ok = CliRuns.cli("report", run.toString(), "--labels", clean.toString());
        assertFalse(ok.err().contains("match no judged case"), ok.err());
    }
}
