package dev.promptarena.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldMapTest {
    private static Map<String, String> ordered(int n) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = n; i > 0; i--) m.put("k" + i, "v" + i);
        return m;
    }

    @Test
    void keepsIterationOrderAndMapSemantics() {
        for (int n : new int[] {1, 3, 16, 17, 40}) {
            Map<String, String> source = ordered(n);
            Map<String, String> copy = FieldMap.of(source);
            assertEquals(new ArrayList<>(source.keySet()), new ArrayList<>(copy.keySet()), "order, n=" + n);
            assertEquals(List.copyOf(source.values()), List.copyOf(copy.values()));
            assertEquals(source, copy);
            assertEquals(copy, source);
            assertEquals(source.hashCode(), copy.hashCode());
            assertEquals(source.toString(), copy.toString());
            assertEquals("v1", copy.get("k1"));
            assertTrue(copy.containsKey("k" + n));
            assertNull(copy.get("missing"));
            assertFalse(copy.containsKey(null));
            assertThrows(UnsupportedOperationException.class, () -> copy.put("x", "y"));
            assertThrows(UnsupportedOperationException.class, () -> copy.entrySet().iterator().next().setValue("y"));
        }
        assertEquals(Map.of(), FieldMap.of(new HashMap<>()));
    }

    @Test
    void copiesSoLaterChangesToTheSourceDoNotShow() {
        Map<String, String> source = ordered(2);
        Map<String, String> copy = FieldMap.of(source);
        source.put("k1", "changed");
        assertEquals("v1", copy.get("k1"));
    }

    @Test
    void rejectsNullValuesNamingTheKey() {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("name", null);
        NullPointerException e = assertThrows(NullPointerException.class, () -> FieldMap.of(source));
        assertEquals("name", e.getMessage());
    }
}
