package dev.promptarena.judge;

import dev.promptarena.input.Hashing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Decides, per (case, repeat), whether B is presented first.
 *
 * <p>{@link #balanced} is what a run uses: within each stratum (the value of the cases' first tag key, or
 * one stratum when untagged) the units are put in a seeded random order and exactly half show B first; a
 * stratum of odd size gives its middle unit to the side the odd strata so far gave less, so the whole run
 * is balanced to within one. With balanced order an always-first judge gives B exactly as many wins as
 * losses, whatever the seed, which an independent coin per case does not (a coin can put B first in 121
 * of 200 cases). The permutation sorts by a hash of (seed, case id, repeat), so it does not depend on the
 * order of the golden set, and replays exactly.
 *
 * <p>{@link #OrderAssigner(long)} alone is the per-unit coin, used for units not in the plan.
 */
public final class OrderAssigner {
    /** One judged unit of a run and the stratum it is balanced within. */
    public record Unit(String caseId, int repeat, String stratum) {}

    private final long seed;
    private final Map<String, Boolean> plan;

    public OrderAssigner(long seed) { this(seed, Map.of()); }

    private OrderAssigner(long seed, Map<String, Boolean> plan) {
        this.seed = seed;
        this.plan = plan;
    }

    /** A balanced assignment of the given units (see the class comment). */
    public static OrderAssigner balanced(long seed, List<Unit> units) {
        Map<String, List<Unit>> strata = new LinkedHashMap<>();
        for (Unit u : units) strata.computeIfAbsent(u.stratum() == null ? "" : u.stratum(), k -> new ArrayList<>()).add(u);
        Map<String, Boolean> plan = new HashMap<>();
        int oddBalance = 0; // B-first minus A-first among the middle units of odd strata
        for (String stratum : new TreeSet<>(strata.keySet())) {
            List<Unit> members = new ArrayList<>(strata.get(stratum));
            members.sort(Comparator.comparing((Unit u) -> digest(seed, u.caseId(), u.repeat())).thenComparing(Unit::caseId)
                    .thenComparingInt(Unit::repeat));
            int half = members.size() / 2;
            for (int i = 0; i < members.size(); i++) {
                boolean bFirst;
                if (i < half) bFirst = true;
                else if (i >= members.size() - half) bFirst = false;
                else {
                    Unit mid = members.get(i);
                    bFirst = oddBalance == 0 ? coin(digest(seed, mid.caseId(), mid.repeat())) : oddBalance < 0;
                    oddBalance += bFirst ? 1 : -1;
                }
                plan.put(key(members.get(i).caseId(), members.get(i).repeat()), bFirst);
            }
        }
        return new OrderAssigner(seed, Map.copyOf(plan));
    }

    public boolean bFirst(String caseId, int repeat) {
        Boolean planned = plan.get(key(caseId, repeat));
        return planned != null ? planned : coin(digest(seed, caseId, repeat));
    }

    private static String key(String caseId, int repeat) { return repeat + "|" + caseId; }

    private static String digest(long seed, String caseId, int repeat) {
        return Hashing.sha256("order|" + seed + "|" + caseId + "|" + repeat);
    }

    /** The lowest bit of the first hex digit is a fair coin (SHA-256 output is uniform). */
    private static boolean coin(String digest) {
        return (Character.digit(digest.charAt(0), 16) & 1) == 1;
    }
}
