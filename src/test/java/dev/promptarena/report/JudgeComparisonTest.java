package dev.promptarena.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptarena.run.Manifest;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * compare's "judged differently, not comparable" warning fires exactly when a judging setting differs: not for two
 * runs that differ only in the order seed (compare's A/A pairs), and once per setting that differs.
 */
class JudgeComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Manifest RUN = ReportFixtures.hostile(3).manifest();

    /** {@link #RUN} with its manifest JSON changed by {@code change} (the judge is {@code judge} in the JSON). */
    private static Manifest changed(Consumer<ObjectNode> change) {
        ObjectNode tree = JSON.valueToTree(RUN);
        change.accept(tree);
        return JSON.convertValue(tree, Manifest.class);
    }

    @Test
    void anotherOrderSeedIsJudgedTheSameWay() {
        assertEquals(List.of(), JudgeComparison.differences(RUN, changed(t -> ((ObjectNode) t.get("judge")).put("seed", 7))));
        assertEquals(List.of(), JudgeComparison.differences(RUN, RUN));
    }

    @Test
    void eachJudgingSettingThatDiffersIsNamed() {
        String model = RUN.judge().model();
        assertEquals(List.of("judge model: " + model + " vs other-judge"),
                JudgeComparison.differences(RUN, changed(t -> ((ObjectNode) t.get("judge")).put("model", "other-judge"))));
        assertEquals(List.of("judge order: random vs both"),
                JudgeComparison.differences(RUN, changed(t -> ((ObjectNode) t.get("judge")).put("order", "both"))));
        assertEquals(List.of("rubric (sha256): " + RUN.rubricSha256() + " vs " + "4".repeat(64)),
                JudgeComparison.differences(RUN, changed(t -> t.put("rubricSha256", "4".repeat(64)))));
    }
}
