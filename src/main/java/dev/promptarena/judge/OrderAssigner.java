package dev.promptarena.judge;

import dev.promptarena.input.Hashing;
import dev.promptarena.input.IdIndex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
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

    /** A balanced assignment of the given units (see the class comment). */
    public static OrderAssigner balanced(long seed, List<Unit> units) {
        Map<String, List<Unit>> strata = new LinkedHashMap<>();
        for (Unit u : units) strata.computeIfAbsent(u.stratum() == null ? "" : u.stratum(), k -> new ArrayList<>()).add(u);
        IdIndex cases = new IdIndex(units.stream().map(Unit::caseId).toList());
        int repeats = 1 + units.stream().mapToInt(Unit::repeat).max().orElse(0);
        BitSet planned = new BitSet();
        BitSet bFirstBits = new BitSet();
        int oddBalance = 0; // B-first minus A-first among the middle units of odd strata
        for (String stratum : new TreeSet<>(strata.keySet())) {
            // Each digest is computed once (a comparator calling SHA-256 would hash O(n log n) times).
            List<Keyed> keyed = new ArrayList<>();
            for (Unit u : strata.get(stratum)) keyed.add(new Keyed(digest(seed, u.caseId(), u.repeat()), u));
            keyed.sort(Comparator.comparing(Keyed::digest).thenComparing((Keyed k) -> k.unit().caseId())
                    .thenComparingInt((Keyed k) -> k.unit().repeat()));
            List<Unit> members = new ArrayList<>(keyed.size());
            for (Keyed k : keyed) members.add(k.unit());
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
                int bit = bit(cases, repeats, members.get(i).caseId(), members.get(i).repeat());
                planned.set(bit);
                bFirstBits.set(bit, bFirst);
            }
        }
        return new OrderAssigner(seed, cases, repeats, planned, bFirstBits);
    }

    public boolean bFirst(String caseId, int repeat) {
        int bit = bit(cases, repeats, caseId, repeat);
        return bit >= 0 && planned.get(bit) ? bFirstBits.get(bit) : coin(digest(seed, caseId, repeat));
    }

    /** The unit's bit, or -1 when it cannot be in the plan (unknown case, repeat out of range). */
    private static int bit(IdIndex cases, int repeats, String caseId, int repeat) {
        int c = cases.of(caseId);
        return c < 0 || repeat < 0 || repeat >= repeats ? -1 : Math.multiplyExact(c, repeats) + repeat;
    }

    private record Keyed(String digest, Unit unit) {}

    private static String digest(long seed, String caseId, int repeat) {
        return Hashing.sha256("order|" + seed + "|" + caseId + "|" + repeat);
    }

    /** The lowest bit of the first hex digit is a fair coin (SHA-256 output is uniform). */
    private static boolean coin(String digest) {
        return (Character.digit(digest.charAt(0), 16) & 1) == 1;
    }
}
