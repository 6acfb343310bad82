package dev.promptarena.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptarena.analysis.AnalysisOptions;
import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.analysis.ArenaAnalysis;
import dev.promptarena.cli.ExitCode;
import dev.promptarena.config.JudgeConfig;
import dev.promptarena.config.VariantConfig;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.decision.GuardrailResult;
import dev.promptarena.decision.GuardrailSpec;
import dev.promptarena.decision.Outcome;
import dev.promptarena.judge.JudgePanel;
import dev.promptarena.judge.JudgePrompt;
import dev.promptarena.judge.PairJudge;
import dev.promptarena.llm.Decoding;
import dev.promptarena.recorded.Recorded;
import dev.promptarena.rubric.Axis;
import dev.promptarena.rubric.Rubric;
import dev.promptarena.run.ArenaRunner;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.run.CheckStage;
import dev.promptarena.stats.CaseOutcome;
import dev.promptarena.testing.ScriptedCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The unparseable-verdict rate is gated end to end: a judge whose replies cannot be read (even after
 * the re-ask) on some cases produces unparseable votes, the vote-level rate reaches the guardrail,
 * and a breach makes the decision RUN_ERROR (exit 4) instead of a verdict on bad evidence.
 */
class UnparseableGuardrailTest {
    private static final String VERDICT_B = "{\"winner\": \"%s\", \"scores\": {\"A\": {\"Clarity\": 3}, \"B\": {\"Clarity\": 3}}, \"reason\": \"r\"}";

    private AnalysisResult run(double limit) throws InterruptedException {
        // Cases whose id ends in 0..2 get an unreadable judge (3 of 10 = 30% of votes); the rest a readable one.
        ScriptedCalls calls = new ScriptedCalls(r -> {
            if (r.role() != Calls.Role.JUDGE) return ScriptedCalls.reply(r.role() + " answer to " + r.request().lastUserText());
            String prompt = r.request().messages().get(0).content();
            boolean broken = prompt.contains("answer to case-0") || prompt.contains("answer to case-1") || prompt.contains("answer to case-2");
            if (broken) return ScriptedCalls.reply("I think the first one, on balance.");
            boolean bFirst = prompt.indexOf("B answer") < prompt.indexOf("A answer");
            return ScriptedCalls.reply(String.format(VERDICT_B, bFirst ? "A" : "B"));
        });
        VariantConfig a = new VariantConfig("A", "a", "p", "m", null, "{{q}}", Decoding.UNSET, List.of(), null);
        VariantConfig b = new VariantConfig("B", "b", "p", "m", null, "{{q}}", Decoding.UNSET, List.of(), null);
        Rubric rubric = new Rubric("r", "", List.of(new Axis("Clarity", "c", Map.of(1, "x", 3, "y", 5, "z"), 1)), "sha");
        JudgeConfig judge = new JudgeConfig("j", "p", "judge", JudgeConfig.Order.RANDOM, 7, Decoding.UNSET, null, 1, true);
        JudgePanel panel = JudgePanel.of(new PairJudge(judge, new JudgePrompt(rubric, null), calls, CostModel.FREE));
        List<GoldenCase> cases = new ArrayList<>();
        for (int i = 0; i < 10; i++) cases.add(new GoldenCase("c" + i, Map.of("q", "case-" + i), null, null, Map.of(), List.of(), i + 1));
        List<CaseRecord> records = new ArenaRunner(a, b, panel, calls, CostModel.FREE, 4, Recorded.NONE, CheckStage.none()).run(cases, 1, x -> { });
        List<CaseOutcome> outcomes = records.stream().map(CaseRecord::outcome).toList();
        DecisionPolicy policy = new DecisionPolicy(DecisionPolicy.Test.SUPERIORITY, 0, 0.05,
                List.of(new GuardrailSpec("error_rate_max", 0.05), new GuardrailSpec("unparseable_rate_max", limit)));
        return ArenaAnalysis.analyze(outcomes, rubric.axisNames(), AnalysisOptions.of(policy, 1));
    }

    @Test
    void aBreachedUnparseableRateIsARunError() throws InterruptedException {
        AnalysisResult r = run(0.2);
        assertEquals(10, r.operations().votes());
        assertEquals(3, r.operations().unparseableVotes());
        assertEquals(0.3, r.operations().unparseableRate(), 1e-12);
        GuardrailResult g = r.decision().guardrails().stream().filter(x -> x.metric().equals("unparseable_rate_max")).findFirst().orElseThrow();
        assertTrue(g.breached());
        assertEquals(Outcome.RUN_ERROR, r.decision().outcome());
        assertEquals(4, ExitCode.of(r.decision().outcome()).code());
        assertEquals(3, r.winRate().unparseable(), "unparseable outcomes are counted, never scored");
        assertEquals(7, r.winRate().scored());
    }

    @Test
    void aHigherConfiguredLimitLetsTheSameRunDecide() throws InterruptedException {
        AnalysisResult r = run(0.35);
        assertTrue(r.decision().guardrails().stream().noneMatch(GuardrailResult::breached));
        assertEquals(Outcome.PASS, r.decision().outcome(), "B won all 7 readable verdicts: " + r.decision().reasons());
    }
}
