package dev.promptarena.llm.sim;

import dev.promptarena.input.Hashing;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.LlmClient;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderConfig;
import dev.promptarena.llm.Usage;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A deterministic, simulated provider (documented as such): it answers generation requests
 * with plausible support replies shaped by the system prompt, and judge requests (recognized by
 * the judge prompt's response blocks) with a rubric-following verdict plus configurable noise
 * and position bias. The same request always gets the same answer.
 */
public final class SimClient implements LlmClient {
    private final SimOptions options;
    private final String name;

    public SimClient(ProviderConfig config) {
        this.options = SimOptions.from(config.options());
        this.name = config.name();
    }

    @Override
    public CompletableFuture<LlmResponse> send(LlmRequest request) {
        SplittableRandom rng = new SplittableRandom(seed(request) ^ (options.seed() * 0x9E3779B97F4A7C15L));
        String text = SimJudge.isJudgeRequest(request) ? new SimJudge(options).reply(request, rng)
                : SimJudge.isPointwiseRequest(request) ? new SimJudge(options).pointwiseReply(request, rng)
                : new SimGenerator(options).reply(request, rng);
        long inTokens = approxTokens(request.system()) + request.messages().stream().mapToLong(m -> approxTokens(m.content())).sum();
        Integer max = request.decoding().maxTokens();
        String finish = "stop";
        if (max != null && approxTokens(text) > max) {
            text = text.substring(0, Math.min(text.length(), max * 4));
            finish = "length";
        }
        // Drawn last, and only when asked for, so every other draw (and every existing simulated result) is unchanged.
        long reported = options.latencyMillis()
                + (options.latencyJitterMillis() == 0 ? 0 : Math.round(-options.latencyJitterMillis() * Math.log(1 - rng.nextDouble())));
        LlmResponse response = new LlmResponse(text, request.model(), "sim", new Usage(inTokens, approxTokens(text)),
                finish, reported, 1, false);
        if (options.latencyMillis() == 0) return CompletableFuture.completedFuture(response);
        Executor delayed = CompletableFuture.delayedExecutor(options.latencyMillis(), TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(() -> response, delayed);
    }

    @Override
    public String identity() { return "sim:" + name + ":" + options; }

    private static long seed(LlmRequest request) {
        StringBuilder sb = new StringBuilder(request.model()).append('|').append(request.system()).append('|').append(request.sample());
        // A judge repeat is a fresh draw; repeat 0 keeps the seeds (and results) it always had.
        if (request.repeat() > 0) sb.append("|r").append(request.repeat());
        for (ChatMessage m : request.messages()) sb.append('|').append(m.role()).append(':').append(m.content());
        return Long.parseUnsignedLong(Hashing.sha256(sb.toString()).substring(0, 15), 16);
    }

    /** Roughly four characters per token, good enough for a simulation. */
    static long approxTokens(String text) { return text == null ? 0 : (text.length() + 3) / 4; }
}
