package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code canary check} end to end: the documents' worked example, state across invocations, exit codes, bad input. */
class CanaryCheckCommandTest {
    @TempDir Path tmp;

    static final String PLAN = """
            experiment_id: model-upgrade-2026-04
            routing: {scheme: user, key: user_id, salt: model-upgrade-2026-04}
            variants: {control: control, treatment: treatment}
            guardrails:
              - {metric: latency_p95_ms, direction: max, limit: 3000, consecutive_windows: 2, action: pause}
              - {metric: error_rate, direction: max, limit: 0.001, consecutive_windows: 2, action: rollback}
              - {metric: cost_per_session_usd, direction: max, limit: 0.08, consecutive_windows: 2, action: review, label: review spend}
            stages:
              - {percent: 1, min_hours: 2}
              - {percent: 5, min_hours: 6}
              - {percent: 100, min_hours: 0}
            """;
    static final String HEADER = "window_start,window_end,variant,units,latency_p95_ms,error_rate,cost_per_session_usd\n";
    static final String W1 = "2026-05-01T00:00:00Z,2026-05-01T01:00:00Z,treatment,,3300,0.002,0.09\n";
    static final String W2 = "2026-05-01T01:00:00Z,2026-05-01T02:00:00Z,treatment,,3400,0.003,0.091\n";

    @Test
    void documentsWorkedExampleWindowByWindowWithState() throws Exception {
        Path plan = Files.writeString(tmp.resolve("canary-plan.yaml"), PLAN);
        Path windows = Files.writeString(tmp.resolve("metrics.csv"), HEADER + W1);
        Path state = tmp.resolve("state.json");
        CliRun first = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", windows.toString(), "--state", state.toString());
        assertEquals(3, first.exitCode(), first.out() + first.err()); // hold
        assertTrue(first.out().contains("alert latency_p95_ms: streak=1"), first.out());
        assertTrue(first.out().contains("alert cost_per_session_usd: streak=1"), first.out());
        assertTrue(first.out().contains("window 1 actions: []"), first.out());
        assertTrue(Files.readString(state).contains("\"error_rate\" : 1"), Files.readString(state));

        Files.writeString(windows, HEADER + W1 + W2);
        CliRun second = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", windows.toString(), "--state", state.toString());
        assertEquals(1, second.exitCode(), second.out()); // rollback
        assertFalse(second.out().contains("window 1 actions"), "window 1 was already processed: " + second.out());
        assertTrue(second.out().contains("window 2 actions: [pause exposure: latency_p95_ms, rollback treatment: error_rate, "
                + "review spend: cost_per_session_usd]"), second.out());
        assertTrue(second.out().contains("status: ROLLED_BACK"), second.out());
        assertTrue(Files.readString(state).contains("\"status\" : \"ROLLED_BACK\""));

        CliRun again = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", windows.toString(), "--state", state.toString());
        assertEquals(1, again.exitCode(), "a rolled-back canary stays rolled back: " + again.out());
    }

    @Test
    void advancesPausesAndSkipsNothingWithoutState() throws Exception {
        Path plan = Files.writeString(tmp.resolve("p.yaml"), PLAN);
        String good = "2026-05-01T%02d:00:00Z,2026-05-01T%02d:00:00Z,%s,%d,2000,0.0005,0.05\n";
        StringBuilder csv = new StringBuilder(HEADER);
        for (int h = 0; h < 2; h++) {
            csv.append(String.format(good, h, h + 1, "control", 990)).append(String.format(good, h, h + 1, "treatment", 10));
        }
        Path windows = Files.writeString(tmp.resolve("w.csv"), csv);
        CliRun advance = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", windows.toString());
        assertEquals(0, advance.exitCode(), advance.out());
        assertTrue(advance.out().contains("advance to 5%"), advance.out());
        assertTrue(advance.out().contains("decision: ADVANCE (stage 2/3 at 5.0%)"), advance.out());

        Path srm = Files.writeString(tmp.resolve("srm.csv"), HEADER + String.format(good, 0, 1, "control", 9810) + String.format(good, 0, 1, "treatment", 190));
        CliRun pause = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", srm.toString());
        assertEquals(5, pause.exitCode(), pause.out());
        assertTrue(pause.out().contains("sample ratio mismatch"), pause.out());
    }

    @Test
    void aGuardrailMetricNoWindowCarriesHoldsWithExit3InsteadOfCompletingTheRollout() throws Exception {
        // QA reproduction: a plan with task_completed_rate, windows without that column. The rollout completed (exit 0)
        // with only "task_completed_rate missing: streak unchanged" notes.
        Path plan = Files.writeString(tmp.resolve("p.yaml"), PLAN.replace("stages:", """
                  - {metric: task_completed_rate, direction: min, limit: 0.55, consecutive_windows: 2, action: rollback}
                stages:""").replace("min_hours: 2", "min_hours: 0").replace("min_hours: 6", "min_hours: 0"));
        String good = "2026-05-01T%02d:00:00Z,2026-05-01T%02d:00:00Z,%s,%d,2000,0.0005,0.05\n";
        StringBuilder csv = new StringBuilder(HEADER);
        for (int h = 0; h < 4; h++) csv.append(String.format(good, h, h + 1, "control", 990)).append(String.format(good, h, h + 1, "treatment", 10));
        Path windows = Files.writeString(tmp.resolve("w.csv"), csv);
        Path state = tmp.resolve("state.json");
        CliRun r = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", windows.toString(), "--state", state.toString());
        assertEquals(3, r.exitCode(), r.out() + r.err());
        assertFalse(r.out().contains("ADVANCE"), r.out());
        assertTrue(r.out().contains("-> HOLD: no window of stage 1% carried task_completed_rate: its guardrail was never checked in this stage"), r.out());
        assertTrue(r.out().contains("<signal>_rate comes from `prompt-arena signals` over the event log with --window-hours equal to the windows' length: pass its folder"
                        + " with --signals"), "the hold names where a signal rate can come from: " + r.out());
        assertTrue(r.out().contains("decision: HOLD (stage 1/3 at 1.0%)"), r.out());
        assertTrue(Files.readString(state).contains("\"stage\" : 0"), Files.readString(state));
    }

    @Test
    void badInputNamesFileLineAndFieldAndWritesNothing() throws Exception {
        Path plan = Files.writeString(tmp.resolve("p.yaml"), PLAN);
        Path windows = Files.writeString(tmp.resolve("w.csv"), HEADER + W1 + "2026-05-01T01:00:00Z,2026-05-01T02:00:00Z,treatment,,fast,0.003,0.091\n");
        Path state = tmp.resolve("state.json");
        CliRun r = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", windows.toString(), "--state", state.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("w.csv:3: latency_p95_ms: expected a number, got 'fast'"), r.err());
        assertFalse(Files.exists(state));

        Path badPlan = Files.writeString(tmp.resolve("bad.yaml"), PLAN.replace("direction: max, limit: 0.001", "direction: maximum, limit: 0.001"));
        CliRun p = CliRun.of("canary", "check", "--plan", badPlan.toString(), "--windows", windows.toString());
        assertEquals(2, p.exitCode());
        assertTrue(p.err().contains("bad.yaml:6: guardrails[1].direction: expected one of max, min, got 'maximum'"), p.err());
        assertFalse(p.err().contains("Exception"), p.err());
    }

    @Test
    void aStateFileInAMissingFolderIsBadInputFoundBeforeTheCheck() throws Exception {
        // It was found only when the new state was written: the windows' actions printed, then exit 4.
        Path plan = Files.writeString(tmp.resolve("p.yaml"), PLAN);
        Path windows = Files.writeString(tmp.resolve("w.csv"), HEADER + W1);
        CliRun r = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", windows.toString(), "--state",
                tmp.resolve("nodir/state.json").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("nodir: no such folder (for --state"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void readsJsonlWindowsLikeCsv() throws Exception {
        Path plan = Files.writeString(tmp.resolve("p.yaml"), PLAN);
        Path windows = Files.writeString(tmp.resolve("w.jsonl"), """
                {"window_start": "2026-05-01T00:00:00Z", "window_end": "2026-05-01T01:00:00Z", "variant": "treatment", "latency_p95_ms": 3300, "error_rate": 0.002, "cost_per_session_usd": 0.09}
                {"window_start": "2026-05-01T01:00:00Z", "window_end": "2026-05-01T02:00:00Z", "variant": "treatment", "latency_p95_ms": 3400, "error_rate": 0.003, "cost_per_session_usd": 0.091}
                """);
        CliRun r = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", windows.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("window 1 actions: []"), r.out());
        assertTrue(r.out().contains("window 2 actions: [pause exposure: latency_p95_ms, rollback treatment: error_rate, review spend: cost_per_session_usd]"), r.out());
        Path state = Files.writeString(tmp.resolve("s.json"), "{\"stage\": 7}");
        CliRun bad = CliRun.of("canary", "check", "--plan", plan.toString(), "--windows", windows.toString(), "--state", state.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("stage 7 does not exist"), bad.err());
    }
}
