package dev.promptarena.stats;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Combines the votes of one outcome into one {@link Verdict}. The rules, applied in this order:
 * <ol>
 *   <li>If A or B failed to generate ({@link Side#error()}), the outcome is {@link Verdict#ERROR}:
 *       the comparison never happened, whatever a judge may have said.</li>
 *   <li>Unparseable votes and votes whose judge call failed are discarded. If none is left, the outcome is
 *       {@link Verdict#ERROR} when a judge call failed (a judge error: the run, not the replies, lost it) and
 *       {@link Verdict#UNPARSEABLE} otherwise.</li>
 *   <li>Per (judge, sample): the parseable votes from the two presentation orders ({@code bFirst} true
 *       and false) are combined. Agreeing votes give that verdict; disagreeing votes give
 *       {@link Verdict#INCONSISTENT} (the winner depended on the order, which is evidence of position
 *       bias, not of quality). When only one order is available its verdict is used. Several votes in
 *       the same order (unusual) are first reduced by the plurality rule below.</li>
 *   <li>Per judge: plurality over its samples' verdicts; when two or more verdicts share the top count
 *       the judge's verdict is {@link Verdict#TIE} (a split is no preference).</li>
 *   <li>Across panel judges: the same plurality rule over the judges' verdicts.</li>
 * </ol>
 * {@link Verdict#INCONSISTENT} takes part in the pluralities as its own category and is scored as a tie.
 */
public final class VerdictCombiner {
    private VerdictCombiner() {}

    /** The combined verdict of one outcome. */
    public static Verdict combine(CaseOutcome outcome) {
        if (outcome.a().error() || outcome.b().error()) return Verdict.ERROR;
        // judge -> sample -> order -> verdicts; TreeMaps keep the iteration deterministic.
        Map<String, Map<Integer, Map<Boolean, List<Verdict>>>> grouped = new TreeMap<>();
        for (Vote v : outcome.votes()) {
            if (v.winner() == Winner.UNPARSEABLE) continue;
            grouped.computeIfAbsent(v.judge(), j -> new TreeMap<>())
                    .computeIfAbsent(v.sample(), s -> new TreeMap<>())
                    .computeIfAbsent(v.bFirst(), o -> new ArrayList<>())
                    .add(of(v.winner()));
        }
        if (grouped.isEmpty()) return outcome.votes().stream().anyMatch(Vote::judgeFailed) ? Verdict.ERROR : Verdict.UNPARSEABLE;
        List<Verdict> judges = new ArrayList<>();
        for (Map<Integer, Map<Boolean, List<Verdict>>> samples : grouped.values()) {
            List<Verdict> perSample = new ArrayList<>();
            for (Map<Boolean, List<Verdict>> orders : samples.values()) perSample.add(acrossOrders(orders));
            judges.add(plurality(perSample));
        }
        return plurality(judges);
    }

    private static Verdict acrossOrders(Map<Boolean, List<Verdict>> orders) {
        List<Verdict> perOrder = new ArrayList<>();
        for (List<Verdict> votes : orders.values()) perOrder.add(plurality(votes));
        if (perOrder.size() == 1) return perOrder.get(0);
        return perOrder.get(0) == perOrder.get(1) ? perOrder.get(0) : Verdict.INCONSISTENT;
    }

    /** The most frequent verdict; TIE when the top count is shared. */
    static Verdict plurality(List<Verdict> verdicts) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : verdicts) counts.merge(v, 1, Integer::sum);
        Verdict best = null;
        int top = -1;
        boolean shared = false;
        for (Map.Entry<Verdict, Integer> e : counts.entrySet()) {
            if (e.getValue() > top) {
                best = e.getKey();
                top = e.getValue();
                shared = false;
            } else if (e.getValue() == top) {
                shared = true;
            }
        }
        return shared ? Verdict.TIE : best;
    }

    private static Verdict of(Winner w) {
        return switch (w) {
            case A -> Verdict.A;
            case B -> Verdict.B;
            case TIE -> Verdict.TIE;
            case UNPARSEABLE -> Verdict.UNPARSEABLE;
        };
    }
}
