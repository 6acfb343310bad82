package dev.promptarena.judge;

import dev.promptarena.config.JudgeConfig;
import dev.promptarena.engine.CallNotMadeException;
import dev.promptarena.engine.Calls;
import dev.promptarena.engine.CostModel;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.util.Futures;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Scores one output against the rubric through the shared call engine (journal, cache, budget, limits, the
 * one retry layer), with the pairwise judge's rules: lenient parsing, one re-ask, then "unparseable"
 * (recorded, never silently scored). A call the budget stopped completes exceptionally with
 * {@link CallNotMadeException}: that trace is not scored and the run is partial.
 */
public final class PointwiseJudge {
    private final JudgeConfig config;
    private final PointwisePrompt prompt;
    private final PointwiseParser parser;
    private final Calls calls;
    private final CostModel costs;

    public PointwiseJudge(JudgeConfig config, PointwisePrompt prompt, Calls calls, CostModel costs) {
        this.config = config;
        this.prompt = prompt;
        this.parser = new PointwiseParser(prompt.axisNames());
        this.calls = calls;
        this.costs = costs;
    }

    /** One trace's scoring: status ok / unparseable / failed, scores per axis when ok. */
    public record Score(JudgeStatus status, Map<String, Integer> scores, String reason, String raw, String error, double costUsd) {}

    public CompletableFuture<Score> score(String traceId, String question, String context, String output) {
        List<ChatMessage> messages = List.of(ChatMessage.user(prompt.render(traceId, question, context, output)));
        LlmRequest request = new LlmRequest(config.model(), prompt.system(), messages, config.decoding(),
                config.structured() ? prompt.schema() : null, 0);
        return calls.call(config.provider(), request, Calls.Role.JUDGE).thenCompose(first -> {
            PointwiseParser.Result r = parser.parse(first.text());
            double cost = costs.cost(config.model(), first.allBilled());
            if (r.ok()) return CompletableFuture.completedFuture(new Score(JudgeStatus.OK, r.scores(), r.reason(), first.text(), null, cost));
            List<ChatMessage> retry = List.of(messages.get(0), ChatMessage.assistant(first.text()),
                    ChatMessage.user(String.format(PairJudge.REPAIR, r.error())));
            return calls.call(config.provider(), request.withMessages(retry), Calls.Role.JUDGE).handle((second, e) -> {
                if (e != null) return failed(e, cost); // the first call was answered and billed all the same
                PointwiseParser.Result r2 = parser.parse(second.text());
                double total = cost + costs.cost(config.model(), second.allBilled());
                return r2.ok() ? new Score(JudgeStatus.OK, r2.scores(), r2.reason(), second.text(), null, total)
                        : new Score(JudgeStatus.UNPARSEABLE, Map.of(), "", second.text(), "unreadable twice: " + r2.error(), total);
            });
        }).exceptionally(e -> failed(e, 0));
    }

    /** A failed call costs {@code beforeUsd} (an answered first call that had to be re-asked) plus what its attempts were billed. */
    private Score failed(Throwable e, double beforeUsd) {
        Throwable cause = Futures.cause(e);
        if (cause instanceof CallNotMadeException) throw new CompletionException(cause);
        return new Score(JudgeStatus.FAILED, Map.of(), "", "", "judge call failed: " + cause.getMessage(),
                beforeUsd + costs.cost(config.model(), ProviderException.billedBy(cause)));
    }
}
