package dev.promptarena.stats;

import static dev.promptarena.stats.Fixtures.failed;
import static dev.promptarena.stats.Fixtures.outcome;
import static dev.promptarena.stats.Fixtures.side;
import static dev.promptarena.stats.Fixtures.vote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected p-values: reference/analysis.py (scipy binomtest, statsmodels multipletests / proportion_confint). */
class SegmentAnalysisTest {
    private static final double TOL = 1e-9;
    private static final double REVERSAL_DE_2_OF_20 = 0.0003466193511346662;

    private static void add(List<CaseOutcome> out, String lang, int wins, int losses, int bErrors) {
        Map<String, String> tags = Map.of("lang", lang);
        for (int i = 0; i < wins; i++) out.add(outcome(lang + "w" + i, tags, side(10), side(10), vote(true, Winner.B)));
        for (int i = 0; i < losses; i++) out.add(outcome(lang + "l" + i, tags, side(10), side(10), vote(true, Winner.A)));
        for (int i = 0; i < bErrors; i++) out.add(outcome(lang + "e" + i, tags, side(10), failed()));
    }

    @Test
    void reversalMixShiftAndAdjustment() {
        List<CaseOutcome> out = new ArrayList<>();
        add(out, "de", 4, 6, 0);
        add(out, "en", 27, 3, 0);
        add(out, "fr", 4, 6, 5);
        List<JudgedOutcome> judged = JudgedOutcome.of(out);
        SegmentsResult r = SegmentAnalysis.analyze(judged, WinRateAnalysis.analyze(judged, 0.05, null).winRate(), 0.05);
        assertEquals(3, r.segments().size());
        SegmentResult de = r.segments().get(0), en = r.segments().get(1), fr = r.segments().get(2);
        assertEquals("de", de.value());
        assertEquals(0.75390625, de.p(), TOL);                     // stats.binomtest(4, 10, 0.5).pvalue
        assertEquals(8.430331945419312e-06, en.p(), 1e-15);        // stats.binomtest(27, 30, 0.5).pvalue
        // multipletests([p_de, p_en, p_fr], method="fdr_bh")[1]
        assertEquals(0.75390625, de.pBenjaminiHochberg(), TOL);
        assertEquals(2.5290995836257935e-05, en.pBenjaminiHochberg(), 1e-15);
        assertEquals(0.75390625, fr.pBenjaminiHochberg(), TOL);
        assertEquals(0.7437891742081592, en.wilson().lower(), TOL); // proportion_confint(27, 30, method="wilson")
        assertEquals(0.9654001112526659, en.wilson().upper(), TOL);
        assertEquals(5, fr.errorsB());
        assertEquals(15, fr.outcomes());
        assertFalse(en.tooSmall());
        assertFalse(de.tooSmall()); // exactly MIN_N = 10 scored
        // Pooled B is ahead (35 of 50); A is ahead in de and fr, but 4 of 10 is noise, not a reversal.
        // validity.py: reversal de 4/10 of 3 segments
        assertEquals(0.7906338852983075, r.reversalP(), TOL);
        SegmentsResult kept = r.withReversal(r.reversalP() < 0.05);
        assertFalse(kept.simpson());
        // fr's B errors shifted the mix: that warning stays.
        assertEquals(1, kept.warnings().size(), String.valueOf(kept.warnings()));
        assertTrue(kept.warnings().get(0).contains("lang=fr"), kept.warnings().get(0));
    }

    @Test
    void aSegmentSignificantlyTheOtherWayIsAReversal() {
        List<CaseOutcome> out = new ArrayList<>();
        add(out, "de", 2, 18, 0);
        add(out, "en", 45, 5, 0);
        List<JudgedOutcome> judged = JudgedOutcome.of(out);
        SegmentsResult r = SegmentAnalysis.analyze(judged, WinRateAnalysis.analyze(judged, 0.05, null).winRate(), 0.05);
        assertEquals(REVERSAL_DE_2_OF_20, r.reversalP(), 1e-12); // validity.py: reversal de 2/20 of 2 segments
        SegmentsResult kept = r.withReversal(true);
        assertTrue(kept.simpson());
        assertTrue(kept.warnings().get(0).contains("lang=de") && kept.warnings().get(0).contains("not the segment mix"),
                kept.warnings().get(0));
    }

    @Test
    void smallSegmentsAreFlaggedAndNoParadoxWhenSegmentsAgree() {
        List<CaseOutcome> out = new ArrayList<>();
        add(out, "de", 5, 2, 0);
        add(out, "en", 8, 4, 0);
        List<JudgedOutcome> judged = JudgedOutcome.of(out);
        SegmentsResult r = SegmentAnalysis.analyze(judged, WinRateAnalysis.analyze(judged, 0.05, null).winRate(), 0.05);
        assertTrue(r.segments().get(0).tooSmall());
        assertFalse(r.segments().get(1).tooSmall());
        assertFalse(r.simpson());
    }
}
