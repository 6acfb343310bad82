package dev.promptarena.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.run.CaseRecord;
import dev.promptarena.run.RecordedRun;
import dev.promptarena.stats.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The facts gathered in the analysis's read of the cases are those each report computed in a read of its own before. */
class CasePassTest {
    @Test
    void theFactsOfOnePassAreThoseOfTheSeparatePasses() {
        ReportModel given = ReportFixtures.hostile(60);
        RecordedRun run = new RecordedRun(given.manifest(), given.cases(), given.engine());
        CasePass pass = CasePass.forRun(run.manifest());
        ReportModel model = ReportModel.of(run, run.analyze(null, pass));
        CasePass.Facts facts = pass.facts(model);

        List<String> axes = model.manifest().axes();
        List<CaseFacts.Key> keys = new ArrayList<>();
        TreeSet<String> tags = new TreeSet<>();
        for (CaseRecord c : model.cases()) {
            keys.add(CaseFacts.of(c, axes).key(keys.size()));
            c.tags().forEach((k, v) -> tags.add(k + "=" + v));
        }
        keys.sort(CaseFacts.Key.WORST_FIRST);
        assertEquals(keys, facts.keys());
        assertEquals(List.copyOf(tags), facts.tags());
        List<CaseFacts> worst = CaseFacts.worst(model.cases(), axes, f -> f.verdict() == Verdict.A, CasePass.WORST_LOSSES);
        assertEquals(CasePass.WORST_LOSSES, worst.size(), "the fixture has more losses than are kept");
        assertEquals(worst, facts.worstLosses());
        assertEquals(JudgeErrors.of(model), facts.judgeErrors());
        // and a pass of its own over the model gives the same
        CasePass.Facts separate = CasePass.of(model);
        assertEquals(facts.keys(), separate.keys());
        assertEquals(facts.worstLosses(), separate.worstLosses());
        assertEquals(facts.judgeErrors(), separate.judgeErrors());
        assertTrue(facts.keys().size() == 60);
    }
}
