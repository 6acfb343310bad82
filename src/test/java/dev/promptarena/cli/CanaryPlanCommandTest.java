package dev.promptarena.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.canary.CanaryPlan;
import dev.promptarena.canary.CanaryPlanFile;
import dev.promptarena.canary.Direction;
import dev.promptarena.canary.Guardrail;
import dev.promptarena.canary.Response;
import dev.promptarena.canary.StageLimits;
import dev.promptarena.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code canary plan} from the bundled example's PASS run, and its refusal for a run that did not pass. */
class CanaryPlanCommandTest {
    @TempDir Path tmp;

    @Test
    void writesAPlanFromAPassingRunAndRefusesOtherwise() throws Exception {
        Path run = CliRunner.runExample(tmp.resolve("runs"));
        String report = Files.readString(run.resolve("report.json"));
        assertTrue(report.contains("\"outcome\" : \"PASS\""), "the bundled example passes");
        CliRun r = CliRun.of("canary", "plan", run.toString(), "--experiment-id", "support-2026-05", "--baseline", "0.60", "--mde", "0.05",
                "--limit", "latency_p95_ms<=3000", "--limit", "task_completed_rate>=0.55", "--action", "task_completed_rate=rollback",
                "--units-per-hour", "100000");
        assertEquals(0, r.exitCode(), r.err());
        Path planFile = run.resolve("canary-plan.yaml");
        CanaryPlan plan = CanaryPlanFile.read(planFile); // what we write, we read back
        assertEquals("support-2026-05", plan.salt());
        assertEquals(5, plan.stages().size());
        assertEquals(1.0, plan.stages().get(0).percent());
        assertEquals(2.0, plan.stages().get(0).minHours());
        assertEquals(743L, plan.stages().get(0).treatmentUnits()); // StageSizesTest: 0.60 -> 0.65 at 1%
        assertEquals(null, plan.stages().get(4).treatmentUnits());
        // Per-stage rate limits from 100,000 units an hour, 1-hour windows (StageLimitsTest pins the quantiles against scipy):
        // 1,000 treatment units at 1% -> error_rate 0.05 becomes the exact 99% binomial quantile / n; latency is not a rate.
        double stage1 = plan.stages().get(0).limits().get("error_rate");
        assertEquals(dev.promptarena.canary.StageLimits.at(List.of(find(plan, "error_rate")), 1000, 0.01).get("error_rate"), stage1);
        assertTrue(stage1 > 0.05 && plan.stages().get(4).limits().get("error_rate") < stage1, plan.stages().toString());
        assertFalse(plan.stages().get(0).limits().containsKey("latency_p95_ms"));
        assertTrue(plan.stages().get(0).limits().get("task_completed_rate") < 0.55);
        Guardrail errors = find(plan, "error_rate");
        assertEquals(0.05, errors.limit()); // the example's pre-registered error_rate_max
        assertEquals(Response.ROLLBACK, errors.response());
        Guardrail words = find(plan, "output_words_mean");
        double meanWordsB = Double.parseDouble(report.replaceAll("(?s).*\"meanWordsB\" : ([0-9.]+).*", "$1"));
        assertEquals(meanWordsB * 1.2, words.limit(), 1e-4 * meanWordsB);
        assertEquals(3000.0, find(plan, "latency_p95_ms").limit()); // supplied (the simulated run has no latency)
        Guardrail completion = find(plan, "task_completed_rate");
        assertEquals(Direction.MIN, completion.direction());
        assertEquals(Response.ROLLBACK, completion.response());
        // The run's axis means are pairwise; online score is pointwise: no judge limit without a pointwise baseline (CanaryPathEndToEndTest).
        assertFalse(plan.guardrails().stream().anyMatch(g -> g.metric().startsWith("judge_")), plan.guardrails().toString());
        assertTrue(r.out().contains("--judge-baseline SCORE_DIR"), r.out());

        CliRun again = CliRun.of("canary", "plan", run.toString());
        assertEquals(2, again.exitCode(), "no silent overwrite");
        assertTrue(again.err().contains("--force"), again.err());

        Path failed = tmp.resolve("failed");
        Files.createDirectories(failed);
        Files.writeString(failed.resolve("report.json"), report.replaceFirst("\"outcome\" : \"PASS\"", "\"outcome\" : \"INCONCLUSIVE\""));
        CliRun refused = CliRun.of("canary", "plan", failed.toString());
        assertEquals(3, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("the run's decision is INCONCLUSIVE; a canary plan needs a PASS"), refused.err());
        assertFalse(Files.exists(failed.resolve("canary-plan.yaml")));

        CliRun notRun = CliRun.of("canary", "plan", tmp.toString());
        assertEquals(2, notRun.exitCode());
        assertTrue(notRun.err().contains("not a finished run folder"), notRun.err());
    }

    /**
     * A signal rate counts turns, an export's rate its own units: {@code --units-per-hour METRIC=N} sizes one rate's stage
     * limits with its own count, the bare number every other rate. Limits against {@link StageLimits#at} (pinned to
     * scipy.stats.binom.ppf by StageLimitsTest) at the stage's units: 1% of 10,000 requests and of 35,000 turns an hour.
     */
    @Test
    void eachRateGuardrailCanHaveItsOwnUnitsPerHour() throws Exception {
        Path run = CliRunner.runExample(tmp.resolve("runs"));
        Path planFile = tmp.resolve("plan.yaml");
        CliRun r = CliRun.of("canary", "plan", run.toString(), "--out", planFile.toString(), "--limit", "task_completed_rate>=0.55",
                "--units-per-hour", "10000", "--units-per-hour", "task_completed_rate=35000");
        assertEquals(0, r.exitCode(), r.err());
        CanaryPlan plan = CanaryPlanFile.read(planFile);
        Map<String, Double> first = plan.stages().get(0).limits(); // 1%, 1-hour windows
        assertEquals(StageLimits.at(List.of(find(plan, "error_rate")), 100, 0.01).get("error_rate"), first.get("error_rate"), "100 requests");
        assertEquals(StageLimits.at(List.of(find(plan, "task_completed_rate")), 350, 0.01).get("task_completed_rate"), first.get("task_completed_rate"),
                "350 turns");
        assertNotEquals(StageLimits.at(List.of(find(plan, "task_completed_rate")), 100, 0.01).get("task_completed_rate"), first.get("task_completed_rate"),
                "not sized by the bare number");

        // Only one rate named: the others get no stage limit, as without --units-per-hour.
        CliRun only = CliRun.of("canary", "plan", run.toString(), "--out", planFile.toString(), "--force", "--limit", "task_completed_rate>=0.55",
                "--units-per-hour", "task_completed_rate=35000");
        assertEquals(0, only.exitCode(), only.err());
        assertEquals(java.util.Set.of("task_completed_rate"), CanaryPlanFile.read(planFile).stages().get(0).limits().keySet());

        Path none = tmp.resolve("none.yaml");
        for (String[] bad : new String[][] {
                {"task_completion_rate=35000", "--units-per-hour: task_completion_rate is not a rate guardrail of the plan (rate guardrails: error_rate,"},
                {"latency_p95_ms=100", "--units-per-hour: latency_p95_ms is not a rate guardrail of the plan"},
                {"task_completed_rate=many", "--units-per-hour: expected N or METRIC=N with N a number, got 'task_completed_rate=many'"},
                {"task_completed_rate=0", "--units-per-hour must be a finite number > 0, got 'task_completed_rate=0'"}}) {
            CliRun refused = CliRun.of("canary", "plan", run.toString(), "--out", none.toString(), "--limit", "task_completed_rate>=0.55",
                    "--limit", "latency_p95_ms<=3000", "--units-per-hour", bad[0]);
            assertEquals(2, refused.exitCode(), refused.err());
            assertTrue(refused.err().contains(bad[1]), refused.err());
            assertFalse(Files.exists(none), "nothing written");
        }
        CliRun twice = CliRun.of("canary", "plan", run.toString(), "--out", none.toString(), "--units-per-hour", "10000", "--units-per-hour", "20000");
        assertEquals(2, twice.exitCode(), twice.err());
        assertTrue(twice.err().contains("one bare number serves every rate, got two"), twice.err());
        assertFalse(Files.exists(none));
    }

    /**
     * Planned through reports/latest (the link each run updates), the plan names the run, not "latest": the default
     * experiment id (the routing salt) was "latest" for every run planned that way.
     */
    @Test
    void aPlanThroughTheLatestLinkNamesTheRunItself() throws Exception {
        Path run = CliRunner.runExample(tmp.resolve("runs"));
        Path latest = tmp.resolve("runs/latest");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isSymbolicLink(latest), "this file system allows links");
        Path plan = tmp.resolve("plan.yaml");
        CliRun r = CliRun.of("canary", "plan", latest.toString(), "--out", plan.toString());
        assertEquals(0, r.exitCode(), r.err());
        String text = Files.readString(plan);
        String id = run.getFileName().toString();
        assertTrue(text.contains("experiment_id: \"" + id + "\"") && text.contains("from run " + id + " "), text);
        assertFalse(text.contains("latest"), text);
    }

    /**
     * The bundled tournament PASSes, but its folder holds no single candidate: a plan from it had only error_rate and named
     * no candidate. It is refused (exit 2, nothing written), naming the best passing candidate's pairing folder, from
     * which the plan is then written with B's derived guardrails.
     */
    @Test
    void aTournamentFolderIsRefusedWithThePairingFolderToUse() throws Exception {
        Path runs = tmp.resolve("tournament");
        CliRun t = CliRun.of("run", "examples/support-bot.tournament.arena.yaml", "--out", runs.toString(), "-q", "--no-cache");
        assertEquals(0, t.exitCode(), t.err());
        Path folder;
        try (var s = Files.list(runs)) {
            folder = s.filter(p -> p.getFileName().toString().contains("tournament") && !Files.isSymbolicLink(p)).findFirst().orElseThrow();
        }
        Path plan = tmp.resolve("plan.yaml");
        CliRun r = CliRun.of("canary", "plan", folder.toString(), "--experiment-id", "x", "--out", plan.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        Path pairing = folder.resolve("pairs/baseline-vs-cite-policy");
        assertTrue(r.err().contains("a tournament has no single candidate") && r.err().contains("cite-policy: " + pairing), r.err());
        assertFalse(Files.exists(plan), "nothing written");
        CliRun fromPairing = CliRun.of("canary", "plan", pairing.toString(), "--experiment-id", "x", "--out", plan.toString());
        assertEquals(0, fromPairing.exitCode(), fromPairing.err());
        assertTrue(Files.readString(plan).contains("output_words_mean"), "B's derived guardrails");
    }

    private static Guardrail find(CanaryPlan plan, String metric) {
        return plan.guardrails().stream().filter(g -> g.metric().equals(metric)).findFirst().orElseThrow(() -> new AssertionError(metric + " in " + plan.guardrails()));
    }
}
