package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.llm.BatchApi;
import dev.promptarena.llm.ProviderConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Custom ids and batch prices: the small rules batch mode's never-pay-twice and cost rest on. */
class BatchLaneTest {
    private static final String KEY = "0123456789abcdef".repeat(4); // a SHA-256 hex key, 64 digits

    @Test
    void customIdsAreStableDistinctPerRoleAndWithinAnthropicsRule() {
        String a = BatchLane.customId(Calls.Role.A, KEY);
        assertEquals("A_" + KEY.substring(0, 62), a);
        assertEquals(a, BatchLane.customId(Calls.Role.A, KEY));
        assertNotEquals(a, BatchLane.customId(Calls.Role.B, KEY), "A and B may send one request; they are accounted apart");
        assertTrue(BatchApi.CUSTOM_ID.matcher(BatchLane.customId(Calls.Role.JUDGE, KEY)).matches());
        assertEquals(64, a.length());
        assertThrows(IllegalArgumentException.class, () -> new BatchApi.Item("has a space", null));
    }

    @Test
    void theBatchPriceIsTheProtocolsDiscountUnlessTheProviderSetsItsOwn() {
        ProviderConfig openai = new ProviderConfig("o", "openai", "http://x/v1", null, 1, null, null, Map.of(), Map.of());
        ProviderConfig anthropic = new ProviderConfig("a", "anthropic", null, null, 1, null, null, Map.of(), Map.of());
        ProviderConfig custom = new ProviderConfig("c", "openai", "http://x/v1", null, 1, null, null, Map.of(), Map.of("batch_discount", "0.25"));
        ProviderConfig sim = new ProviderConfig("s", "sim", null, null, 1, null, null, Map.of(), Map.of());
        assertEquals(0.5, BatchPricing.factor(openai));
        assertEquals(0.5, BatchPricing.factor(anthropic));
        assertEquals(0.75, BatchPricing.factor(custom));
        assertEquals(1.0, BatchPricing.factor(sim), "no batch API, no discount");
    }

    @Test
    void aBatchReservationIsNowOrNeverAndExhaustsTheBudget() {
        Budget b = new Budget(1.0);
        assertTrue(b.tryReserve(0.6));
        assertEquals(false, b.tryReserve(0.6));
        assertTrue(b.exhausted());
        b.commit(0.6); // a resumed batch's item: taken whatever the cap says
        b.settle(0.6, 0.3);
        b.settle(0.6, 0.3);
        assertEquals(false, b.tryReserve(0.01), "once exhausted, nothing more is submitted");
    }
}
