package dev.promptarena.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.OutcomeColumns;
import dev.promptarena.stats.Side;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analysis's column store, filled from a recorded run, gives back the records' outcomes in everything but the texts. */
class OutcomeColumnsReadBackTest {
    @Test
    void sameOutcomesButTheTextWhichKeepsItsWordCount() {
        List<CaseRecord> records = StoredCases.read(Path.of("src/test/resources/golden-main/fake/cases.jsonl"));
        OutcomeColumns.Builder builder = new OutcomeColumns.Builder(records.size());
        for (CaseRecord r : records) builder.add(r.outcome());
        OutcomeColumns lean = builder.build();
        assertEquals(records.size(), lean.size());
        for (int i = 0; i < records.size(); i++) {
            CaseOutcome full = records.get(i).outcome();
            CaseOutcome o = lean.get(i);
            assertEquals("", o.a().output());
            assertEquals(withoutText(full), withoutText(o), "case " + i);
            assertEquals(full.a().words(), o.a().words());
            assertEquals(full.b().words(), o.b().words());
        }
        // Repeating values are shared, not copied per case.
        assertSame(lean.get(0).votes().get(0).judge(), lean.get(1).votes().get(0).judge());
        assertSame(lean.get(0).tags(), lean.get(1).tags());
    }

    private static CaseOutcome withoutText(CaseOutcome o) {
        return new CaseOutcome(o.caseId(), o.repeat(), o.tags(), blank(o.a()), blank(o.b()), o.votes(), o.judgeCostUsd());
    }

    private static Side blank(Side s) {
        return new Side("", s.latencyMillis(), s.costUsd(), s.outputTokens(), s.error(), s.errorMessage(), s.truncated(), s.checks(),
                s.similarity());
    }
}
