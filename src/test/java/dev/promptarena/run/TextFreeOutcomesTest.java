package dev.promptarena.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.Side;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analysis's outcomes without texts equal the records' outcomes in everything the statistics read. */
class TextFreeOutcomesTest {
    @Test
    void sameOutcomesButTheTextWhichKeepsItsWordCount() {
        List<CaseRecord> records = StoredCases.read(Path.of("src/test/resources/golden-main/fake/cases.jsonl"));
        List<CaseOutcome> lean = TextFreeOutcomes.of(records);
        assertEquals(records.size(), lean.size());
        for (int i = 0; i < records.size(); i++) {
            CaseOutcome full = records.get(i).outcome();
            CaseOutcome o = lean.get(i);
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
