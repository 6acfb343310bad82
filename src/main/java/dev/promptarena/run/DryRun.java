package dev.promptarena.run;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.JudgeConfig;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.engine.Calls;
import dev.promptarena.engine.DryRunEstimate;
import dev.promptarena.engine.DryRunEstimator;
import dev.promptarena.engine.PlannedCall;
import dev.promptarena.judge.JudgePrompt;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.LlmRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import dev.promptarena.engine.BatchPricing;

/**
 * {@code run --dry-run}: the calls a run would make, with estimated tokens and cost, calling
 * nothing. Generation requests are built exactly as the runner builds them; a judge request is
 * the rendered judge prompt plus, as an upper bound, both variants' max_tokens for the answers.
 */
public final class DryRun {
    private DryRun() {}

    public static DryRunEstimate estimate(ArenaInputs fullInputs, RunOptions options) {
        ArenaInputs in = fullInputs.limitedTo(options.limit());
        ArenaConfig config = in.config();
        CaseRequests requests = new CaseRequests(config.a(), config.b());
        // Every panel judge judges every pair; the template is panel-wide, so one prompt serves them all.
        List<JudgeConfig> judges = config.judges();
        JudgePrompt prompt = judges.isEmpty() ? null : new JudgePrompt(in.rubric(), judges.get(0).template());
        long answerTokens = maxTokens(config.a().decoding().maxTokens()) + maxTokens(config.b().decoding().maxTokens());
        List<PlannedCall> planned = new ArrayList<>();
        // Batch mode: every call at its provider's batch price.
        Function<String, Double> price = provider -> options.engine().batch() == null ? 1.0 : BatchPricing.factor(config.provider(provider));
        SentOnce sent = new SentOnce(config, options);
        for (GoldenCase c : in.cases()) {
            for (int r = 0; r < options.repeats(); r++) {
                if (in.recorded().a() == null) generation(planned, sent, Calls.Role.A, config.a().provider(), requests.generation(config.a(), c, r), price);
                if (in.recorded().b() == null) generation(planned, sent, Calls.Role.B, config.b().provider(), requests.generation(config.b(), c, r), price);
                if (prompt != null) judgeCalls(planned, judges, prompt, requests.question(c), c, answerTokens, j -> price.apply(j.provider()));
            }
        }
        return new DryRunEstimator(config.prices()).estimate(planned, sent.served());
    }

    /** A generation the run sends, unless an identical one planned before serves it. */
    static void generation(List<PlannedCall> planned, SentOnce sent, Calls.Role role, String provider, LlmRequest request,
                           Function<String, Double> price) {
        if (sent.sends(role, provider, request)) planned.add(new PlannedCall(role, request, 0, price.apply(provider)));
    }

    /** The judge calls of one pair on one (case, repeat): every panel judge, both orders when asked, every sample. */
    static void judgeCalls(List<PlannedCall> planned, List<JudgeConfig> judges, JudgePrompt prompt, String question, GoldenCase c,
                           long answerTokens, Function<JudgeConfig, Double> price) {
        String user = prompt.render(question, c.context(), c.reference(), "", "");
        for (JudgeConfig judge : judges) {
            LlmRequest request = new LlmRequest(judge.model(), prompt.system(), List.of(ChatMessage.user(user)), judge.decoding(),
                    judge.structured() ? prompt.schema() : null, 0);
            int calls = (judge.order() == JudgeConfig.Order.BOTH ? 2 : 1) * judge.samples();
            for (int k = 0; k < calls; k++) planned.add(new PlannedCall(Calls.Role.JUDGE, request, answerTokens, price.apply(judge)));
        }
    }

    /** The answer-length bound when max_tokens is unset (the estimator's own default). */
    static long maxTokens(Integer configured) { return configured == null ? 1024 : configured; }
}
