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
            // Judged in both orders: the slot split reads the order pairs, the length split stays Fisher.
            assertTrue(text.contains("By slot, the exact sign test of the cases judged in both orders (which order they erred in); by length,"
                    + " Fisher's exact test, votes clustered by case, Holm over the two"), text);
            assertTrue(text.contains(String.format(java.util.Locale.ROOT, "of %d cases in both orders %d erred more with it first, %d with it second",
                    h.firstSlot().pairedTest().cases(), h.firstSlot().pairedTest().casesLeaningFirst(),
                    h.firstSlot().pairedTest().casesLeaningSecond())), text);
            assertTrue(text.contains(String.format(java.util.Locale.ROOT, "the longer output, noise %.0f%%;", 100 * h.longer().test().expectedShare())), text);
            assertEquals(h.longer().biased(), text.contains("SIGN OF LENGTH BIAS"), text);
            assertEquals(h.firstSlot().biased(), text.contains("SIGN OF POSITION BIAS"), text);
            assertEquals(!h.longer().biased(), text.contains("no sign of length bias beyond noise"), text);
            if (h.longer().biased()) named++;
        }
        assertTrue(named >= 10, "a length bias of 0.15 at 200 labels is named in most runs: " + named);
    }

    /** One order per case: both splits are Fisher's test, and the text says so without the paired wording. */
    @Test
    void withOneOrderPerCaseBothSplitsAreFisher() {
        CorrectionSummary s = BiasSplitSimulation.summary(new Setting(BiasSplitSimulation.POSITION, false, 0.5), 100, 3);
        String text = print(s);
        assertTrue(text.contains("Fisher's exact test, votes clustered by case, Holm over the two"), text);
        assertTrue(!text.contains("sign test") && !text.contains("in both orders"), text);
    }
}
