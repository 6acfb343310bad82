package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptarena.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/canary.md step by step with the bundled example (simulated model and judge): run -> score the control's traces of
 * a stable period -> canary plan --judge-baseline -> score the treatment's traces, and signals over the event log ->
 * canary check --scores --signals. Production traces are the run's own outputs (A's for the control, B's for the
 * treatment), so a healthy canary must advance. The plan's task_completed_rate guardrail is fed by `signals` (the
 * metrics export has no such column): before, signals-windows.csv had no window_end and check could not read it.
 *
 * <p>Before, the plan took judge limits from the run's pairwise axis means (B's Accuracy 3.85 x 0.8 = 3.08) while the
 * online judge is pointwise (B's same outputs: 2.91), and nothing fed judge means to check: the stage held forever, and
 * once fed it paused a healthy canary in every window.
 */
class CanaryPathEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARENA = "examples/support-bot.arena.yaml";
    private static final String METRICS = """
            window_start,window_end,variant,units,latency_p95_ms,error_rate,output_words_mean
            2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,control,9903,2100,0.0004,60
            2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,treatment,97,2350,0.0005,70
            2026-05-01T01:00:00Z,2026-05-01T02:00:00Z,control,9890,2120,0.0003,61
            2026-05-01T01:00:00Z,2026-05-01T02:00:00Z,treatment,110,2300,0.0004,71
            """;

    @TempDir Path tmp;
    Path run, plan, metrics;

    @BeforeEach
    void runAndPlan() throws Exception {
        run = CliRunner.runExample(tmp.resolve("reports"));
        metrics = Files.writeString(tmp.resolve("metrics.csv"), METRICS);
        Path control = traces("a", "2026-04-30", 2);
        Path baseline = score(control, "baseline", "--window-hours", "1");
        plan = tmp.resolve("canary-plan.yaml");
        CliRun p = CliRun.of("canary", "plan", run.toString(), "--experiment-id", "support-2026-05", "--baseline", "0.60", "--mde", "0.05",
                "--limit", "latency_p95_ms<=3000", "--limit", "task_completed_rate>=0.55", "--action", "task_completed_rate=rollback",
                "--judge-baseline", baseline.toString(), "--out", plan.toString());
        assertEquals(0, p.exitCode(), p.err());
        assertTrue(p.out().contains("judge_accuracy_mean"), p.out());
        assertTrue(Files.readString(plan).contains("pointwise judge mean"), Files.readString(plan));
    }

    @Test
    void theDocumentedPathAdvancesAHealthyCanary() throws Exception {
        Path treatment = score(traces("b", "2026-05-01", 2), "treatment", "--window-hours", "1");
        Path signals = signals(events("control", "treatment", 0.62), "--window-hours", "1");
        Path state = tmp.resolve("state.json");
        CliRun check = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", metrics.toString(), "--state", state.toString(),
                "--scores", treatment.toString(), "--signals", signals.toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("advance to 5%"), check.out());
        assertFalse(check.out().contains("alert"), check.out());
        assertFalse(check.out().contains("missing"), "every judge guardrail and task_completed_rate was checked in both windows: " + check.out());
    }

    @Test
    void aDropInTaskCompletionSeenBySignalsFiresTheRegisteredAction() throws Exception {
        Path signals = signals(events("control", "treatment", 0.40), "--window-hours", "1");
        Path state = tmp.resolve("state.json");
        // The documented plan registers rollback for task_completed_rate: exit 1.
        CliRun rollback = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", metrics.toString(), "--state", state.toString(),
                "--signals", signals.toString());
        assertEquals(1, rollback.exitCode(), rollback.out() + rollback.err());
        assertTrue(rollback.out().contains("alert task_completed_rate: streak=1 (0.4 < limit 0.55)")
                && rollback.out().contains("alert task_completed_rate: streak=2 (0.4 < limit 0.55)"), rollback.out());
        assertTrue(rollback.out().contains("decision: ROLLBACK"), rollback.out());
        // With the default action (pause): exit 5.
        Path pausePlan = tmp.resolve("pause-plan.yaml");
        CliRun p = CliRun.of("canary", "plan", run.toString(), "--experiment-id", "support-2026-05", "--limit", "task_completed_rate>=0.55",
                "--out", pausePlan.toString());
        assertEquals(0, p.exitCode(), p.err());
        CliRun pause = CliRun.of("canary", "check", "--plan", pausePlan.toString(), "--windows", metrics.toString(), "--signals", signals.toString());
        assertEquals(5, pause.exitCode(), pause.out() + pause.err());
        assertTrue(pause.out().contains("pause exposure: task_completed_rate") && pause.out().contains("decision: PAUSE"), pause.out());
    }

    @Test
    void signalsOfAnotherWindowLengthOrOtherVariantLabelsOrTooFewTurnsAreNotUsed() throws Exception {
        Path state = tmp.resolve("state.json");
        Path daily = signals(events("control", "treatment", 0.62)); // the signals default, 24-hour windows
        CliRun misaligned = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", metrics.toString(), "--state", state.toString(),
                "--signals", daily.toString());
        assertEquals(2, misaligned.exitCode(), misaligned.out() + misaligned.err());
        // Line 2, the file's first row (the control's): every row of the file is of the wrong length, not only the guarded rate's
        // rows (line 11 on); its window starts with the monitoring window, so the bound that differs is window_end.
        assertTrue(misaligned.err().contains("signals-windows.csv:2: window_end: the signals window 2026-05-01T00:00:00Z to 2026-05-02T00:00:00Z"
                + " does not coincide with the monitoring window 2026-05-01T00:00:00Z to 2026-05-01T01:00:00Z; run `prompt-arena signals` with"
                + " --window-hours equal to the monitoring windows' length"), misaligned.err());
        assertFalse(misaligned.err().contains("Exception"), misaligned.err());
        assertFalse(Files.exists(state), "nothing written");

        Path labels = signals(events("A", "B", 0.62), "--window-hours", "1");
        CliRun foreign = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", metrics.toString(), "--state", state.toString(),
                "--signals", labels.toString());
        assertEquals(2, foreign.exitCode(), foreign.out() + foreign.err());
        assertTrue(foreign.err().contains("signals-windows.csv:2: variant: 'A' is neither the plan's control 'control' nor its treatment 'treatment'"),
                foreign.err());
        assertFalse(Files.exists(state), "nothing written");
        assertFalse(misaligned.err().contains("Exception") || foreign.err().contains("Exception"), misaligned.err() + foreign.err());

        Path signals = signals(events("control", "treatment", 0.40), "--window-hours", "1");
        CliRun few = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", metrics.toString(), "--signals", signals.toString(),
                "--min-turns", "521");
        assertEquals(3, few.exitCode(), few.out() + few.err());
        assertTrue(few.out().contains("task_completed_rate not used: 520 turns of the treatment in this window, fewer than --min-turns 521"), few.out());
        assertFalse(few.out().contains("alert task_completed_rate"), "a rate of too few turns alerts nobody: " + few.out());
    }

    /** 520 turns in 130 sessions whose turns all complete or all fail know what 130 independent turns know, not 520. */
    @Test
    void aWindowOfWholeSessionsIsCountedInEffectiveTurns() throws Exception {
        Path signals = signals(events("control", "treatment", 0.40, true), "--window-hours", "1");
        CliRun check = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", metrics.toString(), "--signals", signals.toString());
        assertEquals(3, check.exitCode(), check.out() + check.err());
        // design effect 130/129 * 4 * 519/520 = 4.024 (ClusteredProportions.rateDesignEffect), 520 / 4.024 = 129
        assertTrue(check.out().contains("task_completed_rate not used: 129 effective turns of the treatment in this window (520 / design effect 4.02,"
                + " clustered by session), fewer than --min-turns 500"), check.out());
        assertFalse(check.out().contains("alert task_completed_rate"), check.out());
        CliRun low = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", metrics.toString(), "--signals", signals.toString(),
                "--min-turns", "100");
        assertEquals(1, low.exitCode(), "129 effective turns >= 100: the drop to 0.40 is seen: " + low.out() + low.err());
    }

    @Test
    void withoutTheScoresTheHoldSaysWhereJudgeMeansComeFrom() throws Exception {
        CliRun check = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", metrics.toString(), "--signals",
                signals(events("control", "treatment", 0.62), "--window-hours", "1").toString());
        assertEquals(3, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("no window of stage 1% carried judge_clarity_mean, judge_accuracy_mean, judge_policy_citation_mean")
                && check.out().contains("`prompt-arena score` over the treatment's traces") && check.out().contains("--scores"), check.out());
    }

    @Test
    void fewScoredTracesLeaveTheJudgeGuardrailUnchecked() throws Exception {
        Path treatment = score(traces("b", "2026-05-01", 2), "treatment", "--window-hours", "1");
        CliRun check = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", metrics.toString(), "--scores", treatment.toString(),
                "--min-scored", "35");
        assertEquals(3, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("judge_clarity_mean not used: 34 scored traces in this window, fewer than --min-scored 35"), check.out());
    }

    @Test
    void scoresOfAnotherWindowLengthOrAnotherRubricAreRefusedAndNothingIsWritten() throws Exception {
        Path b = traces("b", "2026-05-01", 2);
        Path state = tmp.resolve("state.json");
        Path daily = score(b, "daily");
        CliRun misaligned = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", metrics.toString(), "--state", state.toString(),
                "--scores", daily.toString());
        assertEquals(2, misaligned.exitCode(), misaligned.out() + misaligned.err());
        assertTrue(misaligned.err().contains("score-windows.csv:2: window_end: the score window 2026-05-01T00:00:00Z to 2026-05-02T00:00:00Z"
                + " does not coincide with the monitoring window 2026-05-01T00:00:00Z to 2026-05-01T01:00:00Z"), misaligned.err());

        Path rubric = Files.writeString(tmp.resolve("rubric.yaml"), Files.readString(Path.of("rubrics/support-bot.yaml")) + "\n# edited\n");
        Path other = score(b, "other-rubric", "--window-hours", "1", "--rubric", rubric.toString());
        CliRun otherJudge = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", metrics.toString(), "--state", state.toString(),
                "--scores", other.toString());
        assertEquals(2, otherJudge.exitCode(), otherJudge.out() + otherJudge.err());
        assertTrue(otherJudge.err().contains("scored with another judge or rubric than the plan's --judge-baseline"), otherJudge.err());
        assertFalse(Files.exists(state), "nothing written");
        assertFalse(otherJudge.err().contains("Exception"), otherJudge.err());

        String planBefore = Files.readString(plan);
        CliRun noBaseline = CliRun.of("canary", "plan", run.toString(), "--judge-baseline", tmp.resolve("nowhere").toString(), "--out", plan.toString(),
                "--force");
        assertEquals(2, noBaseline.exitCode(), noBaseline.out() + noBaseline.err());
        assertTrue(noBaseline.err().contains("nowhere") && noBaseline.err().contains("not a score folder (no score-windows.csv)"), noBaseline.err());
        assertEquals(planBefore, Files.readString(plan), "the plan is not replaced");
    }

    /** The run's outputs of one variant as production traces: 34 per hour from {@code day}T00, {@code hours} hours. */
    private Path traces(String variant, String day, int hours) throws Exception {
        Map<String, JsonNode> golden = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("golden-sets/support-bot.jsonl"))) {
            if (line.isBlank()) continue;
            JsonNode c = JSON.readTree(line);
            golden.put(c.path("id").asText(), c);
        }
        List<String> lines = new ArrayList<>();
        List<String> outcomes = Files.readAllLines(run.resolve("outcomes.jsonl"));
        for (int h = 0; h < hours; h++) {
            for (int i = 0; i < outcomes.size(); i++) {
                JsonNode o = JSON.readTree(outcomes.get(i));
                JsonNode c = golden.get(o.path("caseId").asText());
                ObjectNode t = JSON.createObjectNode();
                t.put("trace_id", String.format(Locale.ROOT, "%s-%d-%d", variant, h, i));
                t.put("timestamp", String.format(Locale.ROOT, "%sT%02d:%02d:00Z", day, h, i));
                t.put("request", c.path("message").asText());
                t.put("context", c.path("context").asText());
                t.put("output", o.path(variant).path("output").asText());
                lines.add(t.toString());
            }
        }
        return Files.write(tmp.resolve(variant + "-" + day + ".jsonl"), lines);
    }

    /**
     * An event log of 2026-05-01 00:00-02:00 as docs/canary.md section 5 describes it: per hour and variant 520 turns in
     * sessions of 4, a share {@code treatmentCompleted} of the treatment's turns (0.60 of the control's) with task_completed,
     * every other turn logged as served.
     */
    private Path events(String control, String treatment, double treatmentCompleted) throws Exception {
        return events(control, treatment, treatmentCompleted, false);
    }

    /** As above; with {@code wholeSessions} the treatment's sessions complete all their turns or none (design effect about 4). */
    private Path events(String control, String treatment, double treatmentCompleted, boolean wholeSessions) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int h = 0; h < 2; h++) {
            for (String variant : List.of(control, treatment)) {
                int completed = (int) Math.round(520 * (variant.equals(treatment) ? treatmentCompleted : 0.60));
                for (int i = 0; i < 520; i++) {
                    ObjectNode e = JSON.createObjectNode();
                    e.put("session_id", String.format(Locale.ROOT, "%s-%d-%d", variant, h, i / 4));
                    e.put("turn_id", "t" + i % 4);
                    e.put("experiment_id", "support-2026-05");
                    e.put("variant", variant);
                    // Spread the completed turns over the hour: turn i completed when floor((i+1)k/n) > floor(ik/n).
                    int sessions = 130, completedSessions = (int) Math.round(sessions * (double) completed / 520), j = i / 4;
                    boolean done = wholeSessions && variant.equals(treatment) ? (j + 1) * completedSessions / sessions > j * completedSessions / sessions
                            : (i + 1) * completed / 520 > i * completed / 520;
                    e.put("signal", done ? "task_completed" : "served");
                    e.put("timestamp", String.format(Locale.ROOT, "2026-05-01T%02d:%02d:%02dZ", h, i * 3600 / 520 / 60, i * 3600 / 520 % 60));
                    lines.add(e.toString());
                }
            }
        }
        return Files.write(tmp.resolve(String.format(Locale.ROOT, "events-%s-%.2f%s.jsonl", treatment, treatmentCompleted, wholeSessions ? "-whole" : "")),
                lines);
    }

    private Path signals(Path events, String... extra) {
        Path out = tmp.resolve("signals-" + events.getFileName() + "-" + String.join("", extra));
        List<String> args = new ArrayList<>(List.of("signals", events.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.out() + r.err());
        return out;
    }

    private Path score(Path traces, String name, String... extra) throws Exception {
        Path out = tmp.resolve("scores-" + name);
        List<String> args = new ArrayList<>(List.of("score", traces.toString(), "--judge", ARENA, "--sample", "1", "--no-cache", "--out", out.toString()));
        args.addAll(List.of(extra));
        CliRun r = CliRun.of(Map.of("PROMPT_ARENA_CACHE_DIR", tmp.resolve("cache").toString()), args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.out() + r.err());
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
