package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The id table numbers ids as a map filled in order would, through its growth, equal hashes and ids of every length. */
class CaseIdTableTest {
    @Test
    void numbersIdsInOrderOfFirstAppearance() {
        CaseIdTable table = new CaseIdTable();
        Map<String, Integer> expected = new HashMap<>();
        Random r = new Random(5);
        for (int i = 0; i < 50_000; i++) {
            // Ids repeat out of order; "Aa" and "BB" have the same hashCode, so equal hashes must still be told apart.
            String id = r.nextInt(10) == 0 ? (r.nextBoolean() ? "Aa" : "BB") + r.nextInt(50) : "case-" + r.nextInt(20_000);
            if (r.nextInt(1000) == 0) id = "";
            int want = expected.computeIfAbsent(id, k -> expected.size());
            assertEquals(want, table.number(id), id);
        }
        CaseIdTable.Frozen frozen = table.freeze();
        assertEquals(expected.size(), frozen.size());
        expected.forEach((id, n) -> assertEquals(id, frozen.id(n)));
    }
}
