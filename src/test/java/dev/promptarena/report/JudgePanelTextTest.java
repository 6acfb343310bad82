package dev.promptarena.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.stats.Evidence;
import dev.promptarena.stats.Interval;
import dev.promptarena.stats.JudgePanelResult;
import dev.promptarena.stats.JudgeResult;
import dev.promptarena.stats.OrderBiasResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The terminal's judge lines show each judge's first-slot share with the p its "(significant)" label and the order
 * warning follow (Holm over the panel's judges), as report.html's judges table does: before, an 80% share was printed
 * bare, and a reader could not tell that 12 of 15 first-slot votes (raw p 0.035) is not evidence once three judges are tested.
 */
class JudgePanelTextTest {
    @Test
    void eachJudgeLineShowsItsHolmAdjustedOrderP() {
        // 12 of 15 decisive votes for the first slot: R binom.test(12, 15)$p.value = 0.03515625; Holm's factor 3 when it is
        // the smallest of three (golden-main/panel's `biased`).
        String text = print(List.of(judge("biased", order(0.03515625, 0.10546875)), judge("steady", order(0.9, 0.9)),
                judge("reference", order(1.0, null))));

        List<String> lines = text.lines().filter(l -> l.startsWith("  judge ")).toList();
        assertEquals(3, lines.size(), text);
        assertTrue(lines.get(0).contains("first-slot share 80.0% (p(Holm) 0.105)"), lines.get(0));
        assertTrue(lines.get(1).contains("first-slot share 80.0% (p(Holm) 0.900)"), lines.get(1));
        assertTrue(lines.get(2).contains("first-slot share 80.0%") && !lines.get(2).contains("p(Holm)"), "no test, no p: " + lines.get(2));
    }

    private static String print(List<JudgeResult> judges) {
        JudgePanelResult panel = new JudgePanelResult(Evidence.EXPLORATORY, judges.stream().map(JudgeResult::judge).toList(), judges,
                null, null, 0, List.of(), List.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JudgePanelText.print(panel, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static JudgeResult judge(String id, OrderBiasResult o) {
        return new JudgeResult(id, 16, 0, 0.0, 0, 16, 10, 4, 2, 0, 0.6875, new Interval(0.356, 0.898, 0.95, "wilson"), 1, null, 0, 0, o);
    }

    private static OrderBiasResult order(double p, Double adjusted) {
        return new OrderBiasResult(Evidence.EXPLORATORY, "randomized", 15, 12, 0.8, new Interval(0.548, 0.930, 0.95, "wilson"), p, adjusted,
                false, 8, 0.75, 8, 0.5, 0, null, null, 0, 0, 0, null, null);
    }
}
