package dev.promptarena.report;

import dev.promptarena.run.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What differs between the judges of two runs. Win rates from differently configured judges are
 * not comparable (another model, template, rubric, order policy or sample count measures something
 * else), so a before/after comparison across such runs must say so.
 */
public final class JudgeComparison {
    private JudgeComparison() {}

    /** One sentence per difference; empty when the two runs were judged the same way. */
    public static List<String> differences(Manifest first, Manifest second) {
        List<String> out = new ArrayList<>();
        diff(out, "rubric (sha256)", first.rubricSha256(), second.rubricSha256());
        diff(out, "judge template (sha256)", first.judgeTemplateSha256(), second.judgeTemplateSha256());
        List<Manifest.JudgeInfo> a = judges(first), b = judges(second);
        if (a.size() != b.size()) out.add("number of judges: " + a.size() + " vs " + b.size());
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Manifest.JudgeInfo x = a.get(i), y = b.get(i);
            String who = a.size() == 1 && b.size() == 1 ? "judge " : "judge " + (i + 1) + " ";
            diff(out, who + "provider", x.provider(), y.provider());
            diff(out, who + "model", x.model(), y.model());
            diff(out, who + "order", x.order(), y.order());
            diff(out, who + "samples", x.samples(), y.samples());
            diff(out, who + "decoding", x.decoding(), y.decoding());
            // null: a run folder from before the structured switch, which always sent the schema.
            diff(out, who + "structured output", x.structured() == null || x.structured(), y.structured() == null || y.structured());
        }
        return out;
    }

    private static List<Manifest.JudgeInfo> judges(Manifest m) {
        return m.judges() == null || m.judges().isEmpty() ? List.of(m.judge()) : m.judges();
    }

    private static void diff(List<String> out, String what, Object x, Object y) {
        if (!Objects.equals(x, y)) out.add(what + ": " + x + " vs " + y);
    }
}
