package dev.promptarena.stats.tournament;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Bradley–Terry fit against independent references on the game files of src/test/resources/reference/bradley_terry.py
 * (statsmodels 0.13.5, scipy 1.10.1) and bradley_terry.R (BradleyTerry2); values in bradley_terry.out. Tolerance 1e-6 for
 * estimates and standard errors (the references agree with one another to better than 2e-7).
 */
class BradleyTerryReferenceTest {
    private static final double TOL = 1e-6;

    @Test
    void noTiesMatchesLogisticRegressionAndBradleyTerry2() throws IOException {
        BradleyTerryFit fit = new BradleyTerry(4, 0, TieModel.HALF).fit(table("bt-games-noties.csv").totals());
        assertTrue(fit.converged());
        // sm.Logit(y, X).fit(method="newton", tol=1e-14).params; BTm(..., formula = ~ player + at.first) coef agrees to 1e-15
        double[] expected = {0.8738739600627121, 0.16577757026862402, 0.9414780439303625, 0.5372263135528389};
        assertArrayEquals(new double[] {0, expected[0], expected[1], expected[2]}, fit.scores(), TOL);
        assertEquals(expected[3], fit.position(), TOL);
        // .bse and BTm se
        assertEquals(0.2480285475648919, fit.differenceStandardError(1, 0), TOL);
        assertEquals(0.24213599913158773, fit.differenceStandardError(2, 0), TOL);
        assertEquals(0.2485350240851243, fit.differenceStandardError(3, 0), TOL);
        assertEquals(0.14368655175497494, fit.positionStandardError(), TOL);
        assertEquals(-148.18930775960794, fit.logLikelihood(), TOL); // .llf
    }

    @Test
    void tiesAsHalfWinsMatchWeightedLogisticRegression() throws IOException {
        BradleyTerryFit fit = new BradleyTerry(4, 0, TieModel.HALF).fit(table("bt-games.csv").totals());
        // sm.GLM(y, X, family=Binomial(), freq_weights=w).fit(tol=1e-14): .params, .bse, .llf
        assertArrayEquals(new double[] {0, 0.12169909636114136, 0.016526988061158078, 0.2738877545468648}, fit.scores(), TOL);
        assertEquals(0.4426765712223526, fit.position(), TOL);
        assertEquals(0.18738428068345978, fit.differenceStandardError(2, 0), TOL);
        assertEquals(0.1087946184989912, fit.positionStandardError(), TOL);
        assertEquals(-240.1023776820183, fit.logLikelihood(), TOL);
    }

    @Test
    void davidsonMatchesConditionalLogitAndScipyOptimize() throws IOException {
        BradleyTerryFit fit = new BradleyTerry(4, 0, TieModel.DAVIDSON).fit(table("bt-games.csv").totals());
        assertTrue(fit.converged());
        // ConditionalLogit(y, X, groups=game).fit(method="newton").params; optimize.minimize agrees to 2e-7
        assertArrayEquals(new double[] {0, 0.176496549343367, 0.023996216324927044, 0.3972235489463348}, fit.scores(), TOL);
        assertEquals(0.6397848227588641, fit.position(), TOL);
        assertEquals(-0.12560631673416872, fit.tieParameter(), TOL);
        // .bse
        assertEquals(0.22575603695721783, fit.differenceStandardError(1, 0), TOL);
        assertEquals(0.2277649088143717, fit.differenceStandardError(3, 0), TOL);
        assertEquals(0.13309637652976367, fit.positionStandardError(), TOL);
        assertEquals(-380.75191358469647, fit.logLikelihood(), TOL); // -optimize.minimize(nll).fun
    }

    @Test
    void anotherReferenceShiftsScoresOnly() throws IOException {
        double[] counts = table("bt-games.csv").totals();
        BradleyTerryFit zero = new BradleyTerry(4, 0, TieModel.DAVIDSON).fit(counts);
        BradleyTerryFit two = new BradleyTerry(4, 2, TieModel.DAVIDSON).fit(counts);
        for (int v = 0; v < 4; v++) assertEquals(zero.scores()[v] - zero.scores()[2], two.scores()[v], 1e-9);
        assertEquals(zero.position(), two.position(), 1e-9);
        assertEquals(zero.differenceStandardError(3, 1), two.differenceStandardError(3, 1), 1e-9);
    }

    @Test
    void aVariantThatWinsEverythingHasNoFiniteScore() {
        List<Game> games = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            games.add(new Game("c" + c, 0, 1, c % 2 == 0 ? GameResult.FIRST : GameResult.SECOND));
            games.add(new Game("c" + c, c % 2 == 0 ? 2 : 0, c % 2 == 0 ? 0 : 2, c % 2 == 0 ? GameResult.FIRST : GameResult.SECOND));
        }
        BradleyTerryFit fit = new BradleyTerry(3, 0, TieModel.HALF).fit(GameTable.of(3, games).totals());
        assertFalse(fit.converged());
        assertTrue(fit.problem().contains("no finite maximum"), fit.problem());
    }

    @Test
    void disconnectedComparisonsAreReported() {
        List<Game> games = List.of(new Game("c", 0, 1, GameResult.FIRST), new Game("c", 1, 0, GameResult.TIE),
                new Game("d", 2, 3, GameResult.FIRST), new Game("d", 3, 2, GameResult.SECOND));
        BradleyTerryFit fit = new BradleyTerry(4, 0, TieModel.HALF).fit(GameTable.of(4, games).totals());
        assertFalse(fit.converged());
        assertTrue(fit.problem().contains("do not connect"), fit.problem());
    }

    static GameTable table(String resource) throws IOException {
        List<Game> games = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                BradleyTerryReferenceTest.class.getResourceAsStream("/reference/" + resource), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                games.add(new Game(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), GameResult.valueOf(f[3])));
            }
        }
        return GameTable.of(4, games);
    }
}
