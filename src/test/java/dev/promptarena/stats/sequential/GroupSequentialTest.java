package dev.promptarena.stats.sequential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.stats.Normal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Boundaries and operating characteristics against rpact 3.3.4 (src/test/resources/reference/sequential.R,
 * output in sequential.out). rpact prints six decimals; Jennison–Turnbull grid integration with r = 32
 * agrees to about 1e-6, so critical values are compared within 2e-5 and probabilities / ratios within 2e-5.
 */
class GroupSequentialTest {
    private static final double TOL = 2e-5;

    private static void assertList(double[] expected, List<Double> actual) {
        assertEquals(expected.length, actual.size());
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual.get(i), TOL, "element " + i + " of " + actual);
    }

    /** inflation = η² / (z_{1−α/2} + z_{1−β})², with the one-sided level α_1 = α/2 for a two-sided design. */
    private static double inflation(Boundaries b, double upperLevel, double beta) {
        double fixed = Normal.quantile(1 - upperLevel) + Normal.quantile(1 - beta);
        return b.drift() * b.drift() / (fixed * fixed);
    }

    private static void assertCharacteristics(Boundaries b, double upperLevel, double beta, double shift, double inflation, double asnH1, double asnH0) {
        assertEquals(shift, b.drift() * b.drift(), 1e-4); // rpact's "shift" = η²
        double inf = inflation(b, upperLevel, beta);
        assertEquals(inflation, inf, TOL);
        assertEquals(asnH1, inf * Operating.at(b, b.drift()).expectedFraction(), TOL);
        assertEquals(asnH0, inf * Operating.at(b, 0).expectedFraction(), TOL);
        assertEquals(1 - beta, Operating.at(b, b.drift()).power(), 1e-7);
    }

    @Test
    void obrienFlemingTypeFourEqualLooksTwoSided() {
        // getDesignGroupSequential(kMax=4, alpha=0.05, beta=0.2, sided=2, typeOfDesign="asOF") -> label OF4two
        Boundaries b = GroupSequential.compute(SequentialDesign.equallySpaced(4, Spending.OBRIEN_FLEMING, 0.05, 0.8));
        assertList(new double[] {4.332634, 2.963132, 2.359044, 2.014090}, b.efficacy());
        assertList(new double[] {-4.332634, -2.963132, -2.359044, -2.014090}, b.lower());
        assertCharacteristics(b, 0.025, 0.2, 8.003011, 1.019637, 0.838742, 1.013937);
        // H0: the two-sided error spent is exactly alpha; PASS alone is alpha / 2
        assertEquals(0.025, Operating.at(b, 0).power(), 1e-7);
    }

    @Test
    void alphaSpentIsTheOneSidedPassSideSpending() {
        // sequential.R: getDesignGroupSequential(kMax=4, ..., typeOfDesign="asOF")$alphaSpent, sided=1 at 0.025 (OF4alpha sided1)
        // and sided=2 at 0.05 (OF4alpha sided2, twice the former); asP sided=2 (P4alpha sided2). rpact prints eight decimals.
        Boundaries of = GroupSequential.compute(SequentialDesign.equallySpaced(4, Spending.OBRIEN_FLEMING, 0.05, 0.8));
        double[] sided1 = {0.00000737, 0.00152532, 0.00964933, 0.02500000}, sided2 = {0.00001473, 0.00305065, 0.01929865, 0.04999999};
        for (int k = 0; k < 4; k++) {
            assertEquals(sided1[k], of.alphaSpentOneSided().get(k), 1e-8, "look " + (k + 1));
            assertEquals(sided2[k] / 2, of.alphaSpentOneSided().get(k), 1e-8, "look " + (k + 1));
        }
        Boundaries p = GroupSequential.compute(SequentialDesign.equallySpaced(4, Spending.POCOCK, 0.05, 0.8));
        assertList(new double[] {0.01786870 / 2, 0.03100573 / 2, 0.04139945 / 2, 0.025}, p.alphaSpentOneSided());
    }

    @Test
    void pocockTypeFourEqualLooksTwoSided() {
        // typeOfDesign="asP" -> label P4two
        Boundaries b = GroupSequential.compute(SequentialDesign.equallySpaced(4, Spending.POCOCK, 0.05, 0.8));
        assertList(new double[] {2.368328, 2.367524, 2.358168, 2.350030}, b.efficacy());
        assertCharacteristics(b, 0.025, 0.2, 9.389694, 1.196310, 0.804096, 1.169311);
    }

    @Test
    void unequalLooks() {
        // informationRates=c(0.2,0.45,0.7,1), sided=2 -> labels OFuneq, Puneq
        List<Double> t = List.of(0.2, 0.45, 0.7, 1.0);
        Boundaries of = GroupSequential.compute(new SequentialDesign(t, Spending.OBRIEN_FLEMING, 0.05, true, null, 0.2));
        assertList(new double[] {4.876885, 3.143848, 2.451535, 2.001089}, of.efficacy());
        assertCharacteristics(of, 0.025, 0.2, 7.971625, 1.015639, 0.846461, 1.010715);
        Boundaries p = GroupSequential.compute(new SequentialDesign(t, Spending.POCOCK, 0.05, true, null, 0.2));
        assertList(new double[] {2.437977, 2.376510, 2.363054, 2.326504}, p.efficacy());
        assertCharacteristics(p, 0.025, 0.2, 9.345305, 1.190655, 0.809172, 1.163629);
    }

    @Test
    void nonBindingFutilityByBetaSpending() {
        // sided=1, alpha=0.025, beta=0.2, informationRates=c(0.3,0.55,1), typeBetaSpending="bsOF", bindingFutility=FALSE -> OFfut
        Boundaries b = GroupSequential.compute(new SequentialDesign(List.of(0.3, 0.55, 1.0), Spending.OBRIEN_FLEMING, 0.025, false, Spending.OBRIEN_FLEMING, 0.2));
        assertList(new double[] {3.928573, 2.807877, 1.974016}, b.efficacy());
        assertList(new double[] {-0.479779, 0.733878, 1.974016}, b.futility());
        assertCharacteristics(b, 0.025, 0.2, 8.413789, 1.071973, 0.900226, 0.612639);
        // kMax=4 equally spaced, same spending -> OF4fut
        Boundaries four = GroupSequential.compute(new SequentialDesign(List.of(0.25, 0.5, 0.75, 1.0), Spending.OBRIEN_FLEMING, 0.025, false, Spending.OBRIEN_FLEMING, 0.2));
        assertList(new double[] {-0.820286, 0.609806, 1.401699, 2.014090}, four.futility());
        assertCharacteristics(four, 0.025, 0.2, 8.907224, 1.134840, 0.848394, 0.602453);
        // Pocock alpha and beta spending at power 0.9 -> P4futP
        Boundaries p = GroupSequential.compute(new SequentialDesign(List.of(0.25, 0.5, 0.75, 1.0), Spending.POCOCK, 0.025, false, Spending.POCOCK, 0.1));
        assertList(new double[] {2.368328, 2.367524, 2.358168, 2.350036}, p.efficacy());
        assertList(new double[] {0.122063, 0.978348, 1.660069}, p.futility().subList(0, 3));
        assertCharacteristics(p, 0.025, 0.1, 14.814982, 1.409954, 0.701103, 0.563723);
    }

    @Test
    void nonBindingMeansIgnoringFutilityKeepsAlpha() {
        // Efficacy values are computed without futility, so a run that never stops for futility still spends alpha/2 on PASS.
        Boundaries b = GroupSequential.compute(SequentialDesign.equallySpaced(4, Spending.OBRIEN_FLEMING, 0.05, 0.8).withFutility(Spending.OBRIEN_FLEMING));
        Boundaries ignored = new Boundaries(b.fractions(), b.efficacy(), b.lower(), List.of(), b.drift(), b.alphaSpentOneSided());
        assertEquals(0.025, Operating.at(ignored, 0).power(), 1e-7);
        assertTrue(Operating.at(b, 0).power() < 0.025, "obeying futility can only lower the false PASS rate");
    }

    @Test
    void classicObrienFlemingMatchesTheTable() {
        // Jennison & Turnbull (2000) Table 2.3, K = 4, alpha = 0.05: C_B(4, 0.05) = 2.024 -> 4.05, 2.86, 2.34, 2.02;
        // rpact typeOfDesign="OF" (label OFclassic) to six decimals
        Boundaries b = GroupSequential.classicObrienFleming(List.of(0.25, 0.5, 0.75, 1.0), 0.05, 0.8);
        assertList(new double[] {4.048591, 2.862786, 2.337455, 2.024295}, b.efficacy());
        assertEquals(2.024, b.efficacy().get(3), 5e-4);
        assertCharacteristics(b, 0.025, 0.2, 8.036048, 1.023846, 0.831385, 1.017400);
    }

    @Test
    void oneLookIsTheFixedDesign() {
        Boundaries b = GroupSequential.compute(SequentialDesign.equallySpaced(1, Spending.POCOCK, 0.05, 0.8));
        assertEquals(Normal.quantile(0.975), b.efficacy().get(0), 1e-8);
        assertEquals(Normal.quantile(0.975) + Normal.quantile(0.8), b.drift(), 1e-7);
    }
}
