package dev.promptarena.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.calibration.BiasSplitSimulation.Setting;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CorrectionTextTest {
    private static String print(CorrectionSummary s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CorrectionText.print(s, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The split names a bias exactly when its Holm-adjusted test does, and always shows what noise would give. */
    @Test
    void theSplitSaysWhatItTestsAndNamesABiasOnlyWhenTheTestDoes() {
        int named = 0;
        for (long seed = 1; seed <= 20; seed++) {
            CorrectionSummary s = BiasSplitSimulation.summary(new Setting(BiasSplitSimulation.LENGTH, true, 0.5), 200, seed);
            String text = print(s);
            HumanBias h = s.positionAndLength();
            assertTrue(text.contains("Fisher's exact test, votes clustered by case, Holm over the two"), text);
            assertTrue(text.contains(String.format(java.util.Locale.ROOT, "the longer output, noise %.0f%%;", 100 * h.longer().test().expectedShare())), text);
            assertEquals(h.longer().biased(), text.contains("SIGN OF LENGTH BIAS"), text);
            assertEquals(h.firstSlot().biased(), text.contains("SIGN OF POSITION BIAS"), text);
            assertEquals(!h.longer().biased(), text.contains("no sign of length bias beyond noise"), text);
            if (h.longer().biased()) named++;
        }
        assertTrue(named >= 10, "a length bias of 0.15 at 200 labels is named in most runs: " + named);
    }
}
