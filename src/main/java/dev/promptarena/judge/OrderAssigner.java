package dev.promptarena.judge;

import dev.promptarena.input.Hashing;
import dev.promptarena.input.IdIndex;
import dev.promptarena.input.IntSort;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    // The plan as bits over (case number x repeats + repeat): a map entry per unit cost ~100 bytes a case for the
    // whole run (a string key and a node), two bits and an index slot are enough.
    private final IdIndex cases;
    private final int repeats;
    private final BitSet planned;
    private final BitSet bFirstBits;

    public OrderAssigner(long seed) { this(seed, new IdIndex(List.of()), 1, new BitSet(), new BitSet()); }

    private OrderAssigner(long seed, IdIndex cases, int repeats, BitSet planned, BitSet bFirstBits) {
        this.seed = seed;
        this.cases = cases;
        this.repeats = repeats;
        this.planned = planned;
        this.bFirstBits = bFirstBits;
    }

    /**
     * A balanced assignment of the given units (see the class comment). {@code units} may build each unit when asked
     * (a run's plan covers every case and repeat): the plan holds unit numbers and one sort key a unit while it is made,
     * not the units, their digests, or a list of them per stratum (about 200 bytes a unit at a million cases).
     */
    public static OrderAssigner balanced(long seed, List<Unit> units) {
        int n = units.size();
        Map<String, Integer> strata = new TreeMap<>();
        for (int i = 0; i < n; i++) strata.merge(stratum(units.get(i)), 1, Integer::sum);
        // Each stratum's units as a range of one array, strata in sorted order, units in the given order within one.
        Map<String, Integer> number = new HashMap<>();
        int[] from = new int[strata.size() + 1];
        for (Map.Entry<String, Integer> e : strata.entrySet()) {
            number.put(e.getKey(), number.size());
            from[number.size()] = from[number.size() - 1] + e.getValue();
        }
        int[] members = new int[n];
        int[] fill = from.clone();
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            Unit u = units.get(i);
            members[fill[number.get(stratum(u))]++] = i;
            // The digest's first 64 bits, ordered as its hex text is (the sign bit flipped: an unsigned order).
            key[i] = Long.parseUnsignedLong(digest(seed, u.caseId(), u.repeat()).substring(0, 16), 16) ^ Long.MIN_VALUE;
        }
        IdIndex cases = new IdIndex(new java.util.AbstractList<String>() {
            @Override public String get(int i) { return units.get(i).caseId(); }

            @Override public int size() { return n; }
        });
        int repeats = 1;
        for (int i = 0; i < n; i++) repeats = Math.max(repeats, units.get(i).repeat() + 1);
        BitSet planned = new BitSet();
        BitSet bFirstBits = new BitSet();
        int oddBalance = 0; // B-first minus A-first among the middle units of odd strata
        for (int s = 0; s < strata.size(); s++) {
            // By digest, then (only when 64 bits tie) the whole digest, case id and repeat: the order sorting the digests gave.
            IntSort.sort(members, from[s], from[s + 1], (x, y) -> {
                int c = Long.compare(key[x], key[y]);
                if (c != 0) return c;
                Unit ux = units.get(x), uy = units.get(y);
                c = digest(seed, ux.caseId(), ux.repeat()).compareTo(digest(seed, uy.caseId(), uy.repeat()));
                if (c != 0) return c;
                c = ux.caseId().compareTo(uy.caseId());
                return c != 0 ? c : Integer.compare(ux.repeat(), uy.repeat());
            });
            int size = from[s + 1] - from[s];
            int half = size / 2;
            for (int i = 0; i < size; i++) {
                Unit u = units.get(members[from[s] + i]);
                boolean bFirst;
                if (i < half) bFirst = true;
                else if (i >= size - half) bFirst = false;
                else {
                    bFirst = oddBalance == 0 ? coin(digest(seed, u.caseId(), u.repeat())) : oddBalance < 0;
                    oddBalance += bFirst ? 1 : -1;
                }
                int bit = bit(cases, repeats, u.caseId(), u.repeat());
                planned.set(bit);
                bFirstBits.set(bit, bFirst);
            }
        }
        return new OrderAssigner(seed, cases, repeats, planned, bFirstBits);
    }

    private static String stratum(Unit u) { return u.stratum() == null ? "" : u.stratum(); }

    public boolean bFirst(String caseId, int repeat) {
        int bit = bit(cases, repeats, caseId, repeat);
        return bit >= 0 && planned.get(bit) ? bFirstBits.get(bit) : coin(digest(seed, caseId, repeat));
    }

    /** The unit's bit, or -1 when it cannot be in the plan (unknown case, repeat out of range). */
    private static int bit(IdIndex cases, int repeats, String caseId, int repeat) {
        int c = cases.of(caseId);
        return c < 0 || repeat < 0 || repeat >= repeats ? -1 : Math.multiplyExact(c, repeats) + repeat;
    }

    private static String digest(long seed, String caseId, int repeat) {
        return Hashing.sha256("order|" + seed + "|" + caseId + "|" + repeat);
    }

    /** The lowest bit of the first hex digit is a fair coin (SHA-256 output is uniform). */
    private static boolean coin(String digest) {
        return (Character.digit(digest.charAt(0), 16) & 1) == 1;
    }
}
