package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against scipy 1.10.1 (canary.py "tint", "welch"): stats.t.interval and stats.ttest_ind(equal_var=False); tolerance 1e-9. */
class ScoreWindowsTest {
    @Test
    void meansIntervalsAndWelchDriftMatchScipy() {
        int[] b = {5, 5, 4, 5, 4, 5, 3, 5};
        int[] x = {3, 4, 2, 3, 4, 2, 3, 5, 2};
        List<ScoreWindows.Scored> s = new ArrayList<>();
        Instant day1 = Instant.parse("2026-05-01T00:00:00Z"), day2 = Instant.parse("2026-05-02T00:00:00Z");
        for (int i = 0; i < b.length; i++) s.add(new ScoreWindows.Scored(day1.plusSeconds(60L * i), Map.of("Clarity", b[i])));
        for (int i = 0; i < x.length; i++) s.add(new ScoreWindows.Scored(day2.plusSeconds(60L * i), Map.of("Clarity", x[i])));
        List<ScoreWindows.AxisWindow> w = ScoreWindows.analyse(s, List.of("Clarity"), 24, null, 0.05).windows();
        assertEquals(2, w.size());
        assertNull(w.get(0).drift(), "the baseline window has no drift against itself");
        ScoreWindows.AxisWindow d2 = w.get(1);
        assertEquals(9, d2.n());
        assertEquals(2.300863848836452, d2.interval().lower(), 1e-9);
        assertEquals(3.9213583733857704, d2.interval().upper(), 1e-9);
        assertEquals(-1.3888888888888888, d2.drift(), 1e-12);
        assertEquals(0.0069318008026803875, d2.driftP(), 1e-9);
        assertEquals(-2.3331483247573837, d2.driftInterval().lower(), 1e-9);
        assertEquals(-0.444629453020394, d2.driftInterval().upper(), 1e-9);
        // Baseline chosen explicitly as the second window: drift of the first is the mirror image.
        ScoreWindows.AxisWindow mirrored = ScoreWindows.analyse(s, List.of("Clarity"), 24, day2, 0.05).windows().get(0);
        assertEquals(1.3888888888888888, mirrored.drift(), 1e-12);
        assertTrue(Math.abs(mirrored.driftP() - 0.0069318008026803875) < 1e-9);
    }

    /**
     * Two windows against the baseline on two axes are one family of four: each p as scipy's
     * {@code stats.ttest_ind(window, baseline, equal_var=False).pvalue}, adjusted as statsmodels'
     * {@code multipletests(p, method="holm")[1]} (canary.py "driftfamily", scipy 1.17.1, statsmodels 0.15.0); tolerance 1e-9.
     */
    @Test
    void driftPValuesAreHolmAdjustedOverWindowsAndAxes() {
        int[][] clarity = {{5, 5, 4, 5, 4, 5, 3, 5}, {3, 4, 2, 3, 4, 2, 3, 5, 2}, {4, 5, 4, 4, 5, 3, 5, 4}};
        int[][] tone = {{4, 4, 3, 4, 5, 4, 4, 3}, {4, 3, 4, 4, 3, 5, 4, 4, 3}, {2, 3, 3, 2, 4, 3, 2, 3}};
        List<ScoreWindows.Scored> s = new ArrayList<>();
        Instant day1 = Instant.parse("2026-05-01T00:00:00Z");
        for (int d = 0; d < 3; d++) {
            for (int i = 0; i < clarity[d].length; i++) {
                s.add(new ScoreWindows.Scored(day1.plusSeconds(86_400L * d + 60L * i), Map.of("Clarity", clarity[d][i], "Tone", tone[d][i])));
            }
        }
        ScoreWindows.Analysis a = ScoreWindows.analyse(s, List.of("Clarity", "Tone"), 24, null, 0.05);
        assertEquals(4, a.driftTests(), "two windows x two axes; the baseline is not tested against itself");
        List<ScoreWindows.AxisWindow> tested = a.windows().stream().filter(w -> w.driftP() != null).toList();
        double[] raw = {0.006931800802680395, 0.5057220628479918, 0.7635879932389388, 0.004972011927298493};
        double[] holm = {0.020795402408041185, 1.0, 1.0, 0.019888047709193973};
        for (int i = 0; i < 4; i++) {
            assertEquals(raw[i], tested.get(i).driftP(), 1e-9, "raw p " + i);
            assertEquals(holm[i], tested.get(i).driftPHolm(), 1e-9, "Holm p " + i);
            assertEquals(holm[i] < 0.05, tested.get(i).drifted(), "flag " + i);
        }
        assertEquals(2, a.drifted());
        assertNull(a.windows().get(0).driftPHolm(), "the baseline window is not in the family");
    }

    @Test
    void theSampleIsPredeclaredAndStable() {
        // The rule is BucketingScheme.CONVERSATION with salt "score-<seed>" (hashlib vectors in AssignerTest).
        assertEquals(BucketingScheme.CONVERSATION.unit("score-3", "tr-1") < 0.5, Traces.sampled("tr-1", 3, 0.5));
        int in = 0;
        for (int i = 0; i < 2000; i++) if (Traces.sampled("trace-" + i, 9, 0.1)) in++;
        assertTrue(in > 160 && in < 240, "about 10% of 2,000: " + in);
    }
}
