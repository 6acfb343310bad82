package dev.promptarena.judge;

import dev.promptarena.config.JudgeConfig;
import dev.promptarena.engine.CallNotMadeException;
import dev.promptarena.engine.Calls;
import dev.promptarena.engine.CostModel;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderException;
import dev.promptarena.stats.Winner;
import dev.promptarena.util.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Judges one pair: chooses the presentation order(s), asks the judge, parses leniently,
 * re-asks once with a repair instruction, and maps the presented verdict back to A/B.
 */
public final class PairJudge {
    static final String REPAIR = "Your reply could not be read: %s. Reply again with only the JSON object described above, nothing else.";

    private final JudgeConfig config;
    private final JudgePrompt prompt;
    private final VerdictParser parser;
    private final Calls calls;
    private final CostModel costs;
    private final OrderAssigner orders;

    /** A judge whose presentation order is a per-case seeded coin (tests and single pairs). */
    public PairJudge(JudgeConfig config, JudgePrompt prompt, Calls calls, CostModel costs) {
        this(config, prompt, calls, costs, new OrderAssigner(config.seed()));
    }

    /** A judge presenting each pair in the order {@code orders} assigns (a run's balanced plan). */
    public PairJudge(JudgeConfig config, JudgePrompt prompt, Calls calls, CostModel costs, OrderAssigner orders) {
        this.config = config;
        this.prompt = prompt;
        this.parser = new VerdictParser(prompt.axisNames());
        this.calls = calls;
        this.costs = costs;
        this.orders = orders;
    }

    /** The material the judge sees about a case (the variants' outputs aside). */
    public record Material(String question, String context, String reference) {}

    /** Judges the pair in the configured order(s) and samples; completes exceptionally only when the cost budget stopped a call. */
    public CompletableFuture<List<JudgeTrace>> judge(String caseId, int repeat, Material m, String outA, String outB) {
        boolean bFirst = orders.bFirst(caseId, repeat);
        List<Boolean> presentations = config.order() == JudgeConfig.Order.BOTH ? List.of(bFirst, !bFirst) : List.of(bFirst);
        List<CompletableFuture<JudgeTrace>> futures = new ArrayList<>();
        for (boolean bf : presentations) {
            for (int s = 0; s < config.samples(); s++) futures.add(judgeOnce(m, outA, outB, bf, s, repeat));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(v -> futures.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<JudgeTrace> judgeOnce(Material m, String outA, String outB, boolean bFirst, int sample, int repeat) {
        String user = prompt.render(m.question(), m.context(), m.reference(), bFirst ? outB : outA, bFirst ? outA : outB);
        List<ChatMessage> messages = List.of(ChatMessage.user(user));
        // structured: false is for servers that reject response_format / forced tools; the lenient parser copes.
        LlmRequest request = new LlmRequest(config.model(), prompt.system(), messages, config.decoding(),
                config.structured() ? prompt.schema() : null, sample, repeat);
        return calls.call(config.provider(), request, Calls.Role.JUDGE).thenCompose(first -> {
            VerdictParser.Result r = parser.parse(first.text());
            double cost = costs.cost(config.model(), first.allBilled());
            if (r.ok()) return CompletableFuture.completedFuture(trace(sample, bFirst, r.verdict(), first, false, cost));
            List<ChatMessage> retry = List.of(messages.get(0), ChatMessage.assistant(first.text()),
                    ChatMessage.user(String.format(REPAIR, first.truncated()
                            ? "it was cut off at your token limit (" + r.error() + "); keep the reason short" : r.error())));
            return calls.call(config.provider(), request.withMessages(retry), Calls.Role.JUDGE).handle((second, e) -> {
                if (e != null) return failed(sample, bFirst, e, cost); // the first call was answered and billed all the same
                VerdictParser.Result r2 = parser.parse(second.text());
                double total = cost + costs.cost(config.model(), second.allBilled());
                if (r2.ok()) return trace(sample, bFirst, r2.verdict(), second, true, total);
                return new JudgeTrace(config.id(), sample, bFirst, JudgeStatus.UNPARSEABLE, Winner.UNPARSEABLE, Map.of(), Map.of(),
                        "", second.text(), false, (refused(first, second) ? "the judge refused twice: " : "unreadable twice: ") + r2.error(),
                        total, first.truncated() || second.truncated());
            });
        }).exceptionally(e -> failed(sample, bFirst, e, 0));
    }

    /**
     * The trace of a judge call that failed: it costs {@code beforeUsd} (an answered first call whose reply had to be
     * re-asked) plus what the failed call's attempts were billed without an answer (0 when none said so).
     */
    private JudgeTrace failed(int sample, boolean bFirst, Throwable e, double beforeUsd) {
        Throwable cause = Futures.cause(e);
        if (cause instanceof CallNotMadeException) throw new CompletionException(cause); // not judged, not a failure
        return new JudgeTrace(config.id(), sample, bFirst, JudgeStatus.FAILED, Winner.UNPARSEABLE, Map.of(), Map.of(), "", "",
                false, JudgeFailure.error(cause), beforeUsd + costs.cost(config.model(), ProviderException.billedBy(cause)), false);
    }

    private JudgeTrace trace(int sample, boolean bFirst, ParsedVerdict v, LlmResponse resp, boolean repaired, double cost) {
        Winner w = switch (v.winner()) {
            case "A" -> bFirst ? Winner.B : Winner.A;
            case "B" -> bFirst ? Winner.A : Winner.B;
            default -> Winner.TIE;
        };
        Map<String, Integer> a = bFirst ? v.scoresSecond() : v.scoresFirst();
        Map<String, Integer> b = bFirst ? v.scoresFirst() : v.scoresSecond();
        return new JudgeTrace(config.id(), sample, bFirst, JudgeStatus.OK, w, a, b, v.reason(), resp.text(), repaired, null, cost, resp.truncated());
    }

    /** A refusal is worth naming: it points at the content (or a safety filter), not at the reply format. */
    private static boolean refused(LlmResponse first, LlmResponse second) {
        return "refusal".equals(first.finishReason()) && "refusal".equals(second.finishReason());
    }

    public JudgeConfig config() { return config; }
}
