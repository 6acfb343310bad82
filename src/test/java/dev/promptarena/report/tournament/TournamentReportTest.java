package dev.promptarena.report.tournament;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.analysis.AnalysisOptions;
import dev.promptarena.analysis.TournamentAnalysis;
import dev.promptarena.analysis.TournamentPair;
import dev.promptarena.analysis.TournamentResult;
import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.run.RunDirectory;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.stats.Fixtures;
import dev.promptarena.stats.Vote;
import dev.promptarena.stats.Winner;
import dev.promptarena.stats.tournament.TieModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tournament's CSV, Markdown and HTML renderings, with hostile variant names (they come from the user's config). */
class TournamentReportTest {
    private static final List<String> NAMES = List.of("prod", "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")");
    private static TournamentResult result;

    @BeforeAll
    static void analyze() {
        double[] scores = {0, 0.9, 0.1};
        List<TournamentPair> pairs = new ArrayList<>();
        for (int[] p : new int[][] {{0, 1}, {0, 2}, {1, 2}}) pairs.add(new TournamentPair(NAMES.get(p[0]), NAMES.get(p[1]), simulate(scores, p[0], p[1])));
        result = TournamentAnalysis.analyze(NAMES, pairs, List.of("Accuracy"), new AnalysisOptions(0.05, 3, 2000, DecisionPolicy.defaults()),
                TieModel.DAVIDSON);
    }

    @Test
    void csvFilesNeutralizeFormulasAndListEveryVariantAndPair(@TempDir Path tmp) throws Exception {
        RunDirectory dir = RunDirectory.open(tmp);
        TournamentTables.ranking(result).writeTo(dir, TournamentTables.RANKING);
        TournamentTables.pairs(result).writeTo(dir, TournamentTables.PAIRS);
        List<String> ranking = Files.readAllLines(tmp.resolve("ranking.csv"));
        assertEquals(4, ranking.size());
        assertTrue(ranking.get(1).contains("script"), "the best variant comes first: " + ranking.get(1));
        assertTrue(ranking.stream().noneMatch(l -> l.contains(",=HYPERLINK") || l.startsWith("=")), String.join("\n", ranking));
        assertTrue(ranking.stream().anyMatch(l -> l.contains("'=HYPERLINK")), String.join("\n", ranking));
        assertEquals(4, Files.readAllLines(tmp.resolve("pairs.csv")).size());
    }

    @Test
    void htmlEscapesNamesAndDrawsTheHeatmap() {
        String html = new TournamentHtml().render(result);
        assertFalse(html.contains("<script"), "a variant name became markup");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals(6, Pattern.compile("<rect ").matcher(html).results().count()); // k(k-1) off-diagonal cells
        assertTrue(html.contains("Best passing candidate: &lt;script&gt;"), "the decision names the best passing candidate");
        assertTrue(html.contains("<th>Accuracy</th>"));
        assertFalse(html.contains("no Bradley–Terry ranking"), "no problem note when there is a ranking");
        assertTrue(html.contains("<td>4.00</td>") && html.contains("<td>3.00</td>"), "per-variant axis means");
    }

    @Test
    void markdownEscapesNames() {
        String md = TournamentMarkdown.summary(result);
        assertTrue(md.startsWith("## prompt-arena tournament: PASS"), md);
        assertFalse(md.contains("<script>"), md);
        assertTrue(md.contains("| 1 | &lt;script&gt;alert(1)&lt;/script&gt; |"), md);
        assertEquals(2, md.lines().filter(l -> l.contains("| PASS |") || l.contains("| INCONCLUSIVE |") || l.contains("| FAIL |")).count(), md);
    }

    @Test
    void aTournamentWithoutARankingStillDecidesAndReports(@TempDir Path tmp) throws Exception {
        // The candidate wins every vote: no finite Bradley–Terry score, but the gate needs none.
        List<CaseOutcome> sweep = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            sweep.add(Fixtures.outcome("case" + c, Fixtures.vote(false, Winner.B), Fixtures.vote(true, Winner.B)));
        }
        TournamentResult r = TournamentAnalysis.analyze(List.of("prod", "cand"), List.of(new TournamentPair("prod", "cand", sweep)),
                List.of(), new AnalysisOptions(0.05, 3, 2000, DecisionPolicy.defaults()), TieModel.DAVIDSON);
        assertEquals(null, r.ranking());
        assertTrue(r.rankingProblem().contains("no finite maximum"), r.rankingProblem());
        assertEquals("cand", r.decision().best());
        assertTrue(TournamentMarkdown.summary(r).contains("no Bradley–Terry ranking"));
        String html = new TournamentHtml().render(r);
        assertTrue(html.contains("no Bradley–Terry ranking"), html);
        assertEquals(2, Pattern.compile("<rect ").matcher(html).results().count());
        RunDirectory dir = RunDirectory.open(tmp);
        TournamentTables.ranking(r).writeTo(dir, TournamentTables.RANKING);
        TournamentTables.pairs(r).writeTo(dir, TournamentTables.PAIRS);
        assertEquals(1, Files.readAllLines(tmp.resolve("ranking.csv")).size());
        assertTrue(Files.readAllLines(tmp.resolve("pairs.csv")).get(1).startsWith("prod,cand,80,0,"), Files.readString(tmp.resolve("pairs.csv")));
    }

    @Test
    void axisMeansUseStageOneOnlySoTheyDescribeTheRankedData() {
        // Stage two judged 1 vs 2 again, where both score 1 on Accuracy: counted, variant 1's mean would drop from 4.00.
        List<TournamentPair> pairs = new ArrayList<>();
        double[] scores = {0, 0.9, 0.1};
        for (int[] p : new int[][] {{0, 1}, {0, 2}, {1, 2}}) pairs.add(new TournamentPair(NAMES.get(p[0]), NAMES.get(p[1]), simulate(scores, p[0], p[1])));
        pairs.add(new TournamentPair(NAMES.get(1), NAMES.get(2), simulate(scores, 1, 2, 1, 1), true));
        TournamentResult r = TournamentAnalysis.analyze(NAMES, pairs, List.of("Accuracy"), new AnalysisOptions(0.05, 3, 2000, DecisionPolicy.defaults()),
                TieModel.DAVIDSON);
        List<TournamentPage.AxisRow> rows = TournamentPage.axisRows(r);
        assertEquals(List.of("3.00"), rows.get(0).means());
        assertEquals(List.of("4.00"), rows.get(1).means());
        assertEquals(List.of("3.00"), rows.get(2).means());
        assertTrue(new TournamentHtml().render(r).contains("an adaptive stage two is left out"));
    }

    /** Variant 1 scores 4 on Accuracy, the others 3; a Davidson judge with a first-slot advantage, both orders. */
    private static List<CaseOutcome> simulate(double[] scores, int a, int b) {
        return simulate(scores, a, b, a == 1 ? 4 : 3, b == 1 ? 4 : 3);
    }

    private static List<CaseOutcome> simulate(double[] scores, int a, int b, int accuracyA, int accuracyB) {
        SplittableRandom random = new SplittableRandom(31L * a + b);
        List<CaseOutcome> out = new ArrayList<>();
        for (int c = 0; c < 150; c++) {
            List<Vote> votes = new ArrayList<>();
            for (boolean bFirst : new boolean[] {false, true}) {
                double first = Math.exp(scores[bFirst ? b : a] + 0.3), second = Math.exp(scores[bFirst ? a : b]);
                double tie = 0.5 * Math.sqrt(first * second), u = random.nextDouble() * (first + second + tie);
                Winner w = u >= first + second ? Winner.TIE : (u < first) == bFirst ? Winner.B : Winner.A;
                votes.add(new Vote("judge", 0, bFirst, w, Map.of("Accuracy", accuracyA), Map.of("Accuracy", accuracyB)));
            }
            out.add(Fixtures.outcome("case" + c, Map.of(), Fixtures.side(40), Fixtures.side(40), votes.toArray(Vote[]::new)));
        }
        return out;
    }
}
