package dev.promptarena.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.analysis.AnalysisOptions;
import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.analysis.ArenaAnalysis;
import dev.promptarena.decision.DecisionPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Panel statistics. Reference values from scikit-learn 1.2.1 and statsmodels 0.13.5 (Debian python3-sklearn,
 * python3-statsmodels); the calls are named at each assertion and collected in src/test/resources/reference/judges.py.
 */
class JudgePanelAnalysisTest {
    private static final double TOL = 1e-9;
    private static final Side OK = new Side("output", 10, 0, 5, false, null, false);

    /** Two judges' verdicts per outcome: 4 AA, 10 BB, 2 tie-tie, 1 AB, 2 BA, 3 B-tie, 1 tie-B, 1 A-tie (24 outcomes). */
    static List<CaseOutcome> twoJudges() {
        List<String[]> pairs = new ArrayList<>();
        add(pairs, 4, "A", "A");
        add(pairs, 10, "B", "B");
        add(pairs, 2, "tie", "tie");
        add(pairs, 1, "A", "B");
        add(pairs, 2, "B", "A");
        add(pairs, 3, "B", "tie");
        add(pairs, 1, "tie", "B");
        add(pairs, 1, "A", "tie");
        List<CaseOutcome> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            out.add(outcome("c" + i, List.of(vote("j1", 0, pairs.get(i)[0]), vote("j2", 0, pairs.get(i)[1]))));
        }
        return out;
    }

    @Test
    void cohensKappaForTwoJudgesMatchesSklearnAndStatsmodels() {
        JudgePanelResult r = JudgePanelAnalysis.analyze(JudgedOutcome.of(twoJudges()), 0.05, List.of());
        PanelAgreement a = r.agreement();
        assertEquals("cohen", a.method());
        assertEquals(List.of("j1", "j2"), a.judges());
        assertEquals(24, a.items());
        // sklearn.metrics.cohen_kappa_score(y1, y2) = 0.4385964912280702
        assertEquals(0.4385964912280702, a.kappa(), TOL);
        // statsmodels.stats.inter_rater.cohens_kappa(table): kappa_low, kappa_upp
        assertEquals(0.13536315882002736, a.interval().lower(), TOL);
        assertEquals(0.7418298236361128, a.interval().upper(), TOL);
        assertEquals(16 / 24.0, a.observed(), TOL);
        assertEquals(10, a.table()[1][1]);
        assertEquals(3, a.table()[1][2]);
    }

    @Test
    void eachJudgeAloneHasItsOwnWinRate() {
        JudgePanelResult r = JudgePanelAnalysis.analyze(JudgedOutcome.of(twoJudges()), 0.05, List.of());
        JudgeResult j1 = r.perJudge().get(0);
        assertEquals("j1", j1.judge());
        assertEquals(15, j1.wins());
        assertEquals(6, j1.losses());
        assertEquals(3, j1.ties());
        assertEquals(16.5 / 24, j1.winRate(), TOL);
        // statsmodels proportion_confint(16.5, 24, alpha=0.05, method="wilson")
        assertEquals(0.48752429231754923, j1.winRateInterval().lower(), 1e-12);
        assertEquals(0.8357346309293331, j1.winRateInterval().upper(), 1e-12);
        assertNull(j1.stability(), "asked once per pair: no stability to report");
        assertEquals(24, j1.votes());
    }

    @Test
    void fleissKappaForThreeJudgesMatchesStatsmodels() {
        List<String[]> rows = new ArrayList<>();
        add3(rows, 3, "A", "A", "A");
        add3(rows, 6, "B", "B", "B");
        add3(rows, 2, "B", "B", "A");
        add3(rows, 2, "tie", "B", "B");
        add3(rows, 1, "A", "tie", "B");
        add3(rows, 1, "tie", "tie", "tie");
        add3(rows, 1, "A", "A", "tie");
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] v = rows.get(i);
            outcomes.add(outcome("c" + i, List.of(vote("j1", 0, v[0]), vote("j2", 0, v[1]), vote("j3", 0, v[2]))));
        }
        // An outcome one judge could not score is left out of the agreement.
        outcomes.add(outcome("x", List.of(vote("j1", 0, "B"), vote("j2", 0, "B"), vote("j3", 0, null))));
        PanelAgreement a = JudgePanelAnalysis.analyze(JudgedOutcome.of(outcomes), 0.05, List.of()).agreement();
        assertEquals("fleiss", a.method());
        assertEquals(16, a.items());
        // fleiss_kappa(aggregate_raters(data, n_cat=3)[0], method="fleiss")
        assertEquals(0.5308270676691729, a.kappa(), TOL);
        // A percentile bootstrap over the 16 outcomes (no closed form away from kappa 0), seeded by the counts: the same
        // interval on every analysis of these votes, around the estimate.
        assertEquals("bootstrap-percentile", a.interval().method());
        assertTrue(a.interval().lower() < a.kappa() && a.kappa() < a.interval().upper(), a.interval().toString());
        assertEquals(a.interval(), JudgePanelAnalysis.analyze(JudgedOutcome.of(outcomes), 0.05, List.of()).agreement().interval());
        // sklearn.metrics.cohen_kappa_score per pair of judges (the pair j1-j2 also has outcome x)
        assertEquals(List.of("j1-j2", "j1-j3", "j2-j3"), a.pairwise().stream().map(k -> k.first() + "-" + k.second()).toList());
        assertEquals(17, a.pairwise().get(0).items());
        assertEquals(0.6890243902439024, a.pairwise().get(0).kappa(), TOL);
        assertEquals(0.37254901960784315, a.pairwise().get(1).kappa(), TOL);
        assertEquals(0.5492957746478873, a.pairwise().get(2).kappa(), TOL);
    }

    @Test
    void stabilityIsTheShareOfPairsWhoseSamplesAllAgree() {
        List<CaseOutcome> outcomes = List.of(
                outcome("s1", samples("B", "B", "B")), outcome("s2", samples("B", "B", "A")), outcome("s3", samples("A", "A", "A")),
                outcome("s4", samples("tie", "B", "B")), outcome("s5", samples("B", null, "B")));
        List<JudgedOutcome> judged = JudgedOutcome.of(outcomes);
        JudgeResult j = JudgePanelAnalysis.analyze(judged, 0.05, List.of()).perJudge().get(0);
        assertEquals(3, j.samples());
        assertEquals(5, j.stabilityPairs());
        assertEquals(3, j.stablePairs(), "s1, s3 and s5 (its readable samples agree)");
        assertEquals(0.6, j.stability(), TOL);
        assertEquals(List.of(Verdict.B, Verdict.B, Verdict.A, Verdict.B, Verdict.B), judged.stream().map(JudgedOutcome::verdict).toList(),
                "the majority of the samples is the judge's verdict");
        JudgePanelResult p = JudgePanelAnalysis.analyze(judged, 0.05, List.of());
        assertEquals(0.6, p.stability(), TOL);
        // 3 of 5 pairs: the Wilson upper bound (0.8824, scipy binomtest(3, 5).proportion_ci(0.95, 'wilson')) does not show a stability below 0.8, so no warning.
        assertTrue(p.warnings().stream().noneMatch(w -> w.contains("same winner")), p.warnings().toString());
        List<CaseOutcome> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) many.addAll(outcomes);
        // 36 of 60 pairs: Wilson upper bound at 95% is 0.7143 (scipy binomtest(36, 60).proportion_ci(0.95, 'wilson'); judges.py), below 0.8.
        JudgePanelResult shown = JudgePanelAnalysis.analyze(JudgedOutcome.of(many), 0.05, List.of());
        assertTrue(shown.warnings().stream().anyMatch(w -> w.contains("same winner in all 3 samples for only 60% of 60 pairs")),
                shown.warnings().toString());
    }

    @Test
    void stabilityWarnsOnlyWhenItsUpperBoundIsBelowTheThreshold() {
        // 43 of 50 pairs stable (0.86): upper bound 0.9305 (scipy binomtest(43, 50).proportion_ci(0.95, 'wilson'); judges.py),
        // no warning; 35 of 50 (0.70): upper bound 0.8090, no warning; 33 of 50 (0.66): upper bound 0.7756, a warning.
        assertTrue(!warnsUnstable(43, 50) && !warnsUnstable(35, 50) && warnsUnstable(33, 50));
    }

    private static boolean warnsUnstable(int stable, int pairs) {
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < pairs; i++) outcomes.add(outcome("c" + i, i < stable ? samples("B", "B", "B") : samples("B", "A", "B")));
        return JudgePanelAnalysis.analyze(JudgedOutcome.of(outcomes), 0.05, List.of()).warnings().stream()
                .anyMatch(w -> w.contains("same winner"));
    }

    @Test
    void truncatedRepliesAndSelfPreferenceReachTheAnalysisWarnings() {
        Vote cut = new Vote("j1", 0, false, Winner.UNPARSEABLE, Map.of(), Map.of(), true);
        List<CaseOutcome> outcomes = new ArrayList<>(twoJudges());
        outcomes.add(outcome("cut", List.of(cut, vote("j2", 0, "B"))));
        SelfPreference self = new SelfPreference("j1", "gpt-4o", "B", "gpt-4o-mini", "openai");
        AnalysisResult a = ArenaAnalysis.analyze(outcomes, List.of(), AnalysisOptions.of(DecisionPolicy.defaults(), 1), List.of(self));
        assertEquals(1, a.judgePanel().truncatedVotes());
        assertEquals(1, a.judgePanel().perJudge().get(0).truncatedVotes());
        assertEquals(List.of(self), a.judgePanel().selfPreference());
        assertTrue(a.warnings().contains(self.message()));
        assertTrue(a.warnings().stream().anyMatch(w -> w.startsWith("1 judge replies were cut off")), a.warnings().toString());
    }

    @Test
    void aSingleJudgeHasNoAgreement() {
        List<CaseOutcome> one = List.of(outcome("c", List.of(vote("only", 0, "B"))));
        JudgePanelResult r = JudgePanelAnalysis.analyze(JudgedOutcome.of(one), 0.05, List.of());
        assertNull(r.agreement());
        assertEquals(List.of("only"), r.judges());
    }

    private static List<Vote> samples(String... winners) {
        List<Vote> out = new ArrayList<>();
        for (int s = 0; s < winners.length; s++) out.add(vote("j", s, winners[s]));
        return out;
    }

    private static Vote vote(String judge, int sample, String winner) {
        Winner w = winner == null ? Winner.UNPARSEABLE : winner.equals("tie") ? Winner.TIE : Winner.valueOf(winner);
        return new Vote(judge, sample, false, w, Map.of(), Map.of());
    }

    private static CaseOutcome outcome(String id, List<Vote> votes) {
        return new CaseOutcome(id, 0, Map.of(), OK, OK, votes, 0);
    }

    private static void add(List<String[]> to, int n, String a, String b) { to.addAll(Collections.nCopies(n, new String[] {a, b})); }

    private static void add3(List<String[]> to, int n, String a, String b, String c) { to.addAll(Collections.nCopies(n, new String[] {a, b, c})); }
}
