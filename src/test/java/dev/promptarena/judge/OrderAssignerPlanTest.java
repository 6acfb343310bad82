package dev.promptarena.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptarena.input.Hashing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The plan made from unit numbers and 64-bit keys is the plan sorting every unit by its whole digest made before. */
class OrderAssignerPlanTest {
    @Test
    void samePlanAsSortingTheUnitsByTheirDigests() {
        Random random = new Random(11);
        for (int trial = 0; trial < 6; trial++) {
            int cases = 50 + random.nextInt(300), repeats = 1 + trial % 3;
            List<OrderAssigner.Unit> units = new ArrayList<>();
            for (int c = 0; c < cases; c++) {
                String stratum = trial == 0 ? null : List.of("billing", "shipping", "returns", "").get(random.nextInt(4));
                for (int r = 0; r < repeats; r++) units.add(new OrderAssigner.Unit("case-" + c, r, stratum));
            }
            Collections.shuffle(units, random); // the plan does not depend on the order units come in
            long seed = random.nextLong();
            OrderAssigner plan = OrderAssigner.balanced(seed, units);
            Map<String, Boolean> expected = reference(seed, units);
            for (OrderAssigner.Unit u : units) {
                assertEquals(expected.get(u.caseId() + "|" + u.repeat()), plan.bFirst(u.caseId(), u.repeat()), "trial " + trial + " " + u);
            }
        }
    }

    /** The algorithm as it was (commit d7b8adb): units grouped per stratum and sorted by (digest, case id, repeat). */
    private static Map<String, Boolean> reference(long seed, List<OrderAssigner.Unit> units) {
        Map<String, List<OrderAssigner.Unit>> strata = new LinkedHashMap<>();
        for (OrderAssigner.Unit u : units) strata.computeIfAbsent(u.stratum() == null ? "" : u.stratum(), k -> new ArrayList<>()).add(u);
        Map<String, Boolean> out = new HashMap<>();
        int oddBalance = 0;
        for (String stratum : new TreeSet<>(strata.keySet())) {
            List<OrderAssigner.Unit> members = new ArrayList<>(strata.get(stratum));
            members.sort(Comparator.comparing((OrderAssigner.Unit u) -> digest(seed, u)).thenComparing(OrderAssigner.Unit::caseId)
                    .thenComparingInt(OrderAssigner.Unit::repeat));
            int half = members.size() / 2;
            for (int i = 0; i < members.size(); i++) {
                OrderAssigner.Unit u = members.get(i);
                boolean bFirst;
                if (i < half) bFirst = true;
                else if (i >= members.size() - half) bFirst = false;
                else {
                    bFirst = oddBalance == 0 ? (Character.digit(digest(seed, u).charAt(0), 16) & 1) == 1 : oddBalance < 0;
                    oddBalance += bFirst ? 1 : -1;
                }
                out.put(u.caseId() + "|" + u.repeat(), bFirst);
            }
        }
        return out;
    }

    private static String digest(long seed, OrderAssigner.Unit u) {
        return Hashing.sha256("order|" + seed + "|" + u.caseId() + "|" + u.repeat());
    }
}
