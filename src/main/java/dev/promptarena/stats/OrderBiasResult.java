package dev.promptarena.stats;

/**
 * Position-bias diagnostics of the judge (exploratory). Individual votes are parseable votes on
 * outcomes without generation errors. A "pair" is one judge sample that has parseable votes in
 * both presentation orders.
 *
 * @param role                 always {@link Evidence#EXPLORATORY}
 * @param design               {@code both} (every vote pair in both orders), {@code randomized},
 *                             {@code fixed-b-first}, {@code fixed-a-first}, {@code none} (no votes) or
 *                             {@code not-applicable} (only the reference judge voted: it reads no order)
 * @param decisiveVotes        parseable votes that named a winner
 * @param pickedFirst          of those, votes that named the response shown first
 * @param firstShare           pickedFirst / decisiveVotes; 0.5 is unbiased; null when there are none
 * @param firstShareInterval   Wilson interval for firstShare
 * @param firstShareP          exact two-sided binomial test of firstShare against 0.5
 * @param firstSharePAdjusted  firstShareP Holm-adjusted over the family it is warned in (the run's exploratory checks,
 *                             or a panel's judges); null before {@link #inFamily} or when it was not tested
 * @param significant          firstShareP &lt; alpha and the order varied (with a fixed order position
 *                             and quality cannot be told apart, so no test is meaningful); once in a family, also
 *                             firstSharePAdjusted &lt; alpha, so it says exactly what the warning says
 * @param votesBFirst          parseable votes with B shown first
 * @param winRateBFirst        B's tie-half win rate over those votes; null when none
 * @param votesBSecond         parseable votes with B shown second
 * @param winRateBSecond       B's tie-half win rate over those votes; null when none
 * @param pairs                judge samples with both orders
 * @param positionConsistency  share of pairs with the same verdict (A, B or tie) in both orders
 * @param flipRate             share of pairs whose winner flipped from A to B or back
 * @param inconsistentPairs    pairs with different verdicts in the two orders
 * @param favorFirst           inconsistent pairs with more first-slot than second-slot picks
 * @param favorSecond          inconsistent pairs with more second-slot than first-slot picks
 * @param preferenceFairness   (favorFirst − favorSecond) / inconsistentPairs, in [−1, 1]; 0 is fair,
 *                             +1 means every order-dependent verdict went to the first slot
 *                             (the "biased toward first / second" split of MT-Bench, Zheng et al. 2023)
 * @param warning              what the bias does to trustworthiness, or null when there is nothing to say
 */
public record OrderBiasResult(Evidence role, String design, int decisiveVotes, int pickedFirst, Double firstShare,
                              Interval firstShareInterval, double firstShareP, Double firstSharePAdjusted, boolean significant,
                              int votesBFirst, Double winRateBFirst, int votesBSecond, Double winRateBSecond,
                              int pairs, Double positionConsistency, Double flipRate, int inconsistentPairs,
                              int favorFirst, int favorSecond, Double preferenceFairness, String warning) {

    /**
     * This result judged within its family of tests (Holm): significant, and warned about, only when the adjusted p is
     * below alpha, so a label never calls significant what the warning deems noise. A fixed-order result keeps its
     * warning (it is not a test).
     */
    public OrderBiasResult inFamily(Double adjustedP, boolean keeps) {
        if (design.startsWith("fixed")) return this;
        return new OrderBiasResult(role, design, decisiveVotes, pickedFirst, firstShare, firstShareInterval, firstShareP, adjustedP,
                significant && keeps, votesBFirst, winRateBFirst, votesBSecond, winRateBSecond, pairs, positionConsistency, flipRate,
                inconsistentPairs, favorFirst, favorSecond, preferenceFairness, keeps ? warning : null);
    }
}
