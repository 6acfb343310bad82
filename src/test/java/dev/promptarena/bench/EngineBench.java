package dev.promptarena.bench;

import dev.promptarena.engine.CallEngine;
import dev.promptarena.engine.Calls.Role;
import dev.promptarena.engine.EngineOptions;
import dev.promptarena.engine.EngineSnapshot;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.ClientFactory;
import dev.promptarena.llm.Decoding;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Drives {@link CallEngine} the way a run does — per case A and B in parallel, then the judge
 * on both answers — against bench/FakeServer.java, and prints the engine's efficiency:
 * ideal time (calls x latency / concurrency) over measured wall time of the calls.
 * Usage: {@code EngineBench BASE_URL CASES CONCURRENCY LATENCY_MS RUN_DIR [CACHE_DIR]}.
 */
public final class EngineBench {
    public static void main(String[] args) {
        String baseUrl = args[0];
        int cases = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        double latencyMs = Double.parseDouble(args[3]);
        Path runDir = Path.of(args[4]);
        ProviderConfig p = new ProviderConfig("bench", "openai", baseUrl, null, concurrency, null, null, Map.of(), Map.of());
        // Optional sixth argument: a cache directory (default: no cache).
        EngineOptions options = EngineOptions.defaults(Map.of()).withCacheDir(args.length > 5 ? Path.of(args[5]) : null);
        long t0 = System.nanoTime();
        EngineSnapshot s;
        try (CallEngine engine = new CallEngine(Map.of("bench", p), new ClientFactory(Map.of())::create, 5, Map.of(), runDir, options)) {
            long tBuilt = System.nanoTime();
            List<CompletableFuture<LlmResponse>> all = new ArrayList<>(cases);
            for (int i = 0; i < cases; i++) {
                CompletableFuture<LlmResponse> a = engine.call("bench", req("A", i, "be helpful"), Role.A);
                CompletableFuture<LlmResponse> b = engine.call("bench", req("B", i, "be helpful and brief"), Role.B);
                int c = i;
                all.add(a.thenCombine(b, (ra, rb) -> ra.text() + "\n" + rb.text())
                        .thenCompose(both -> engine.call("bench", req("judge", c, "judge: reply with winner " + both), Role.JUDGE)));
            }
            java.util.concurrent.atomic.LongAdder latSum = new java.util.concurrent.atomic.LongAdder();
            long tQueued = System.nanoTime();
            long ok = all.stream().map(f -> f.handle((r, e) -> {
                if (r != null) latSum.add(r.latencyMillis());
                return e == null;
            })).filter(CompletableFuture::join).count();
            s = engine.snapshot();
            double wall = (System.nanoTime() - t0) / 1e9;
            long calls = s.succeeded() + s.failed();
            double ideal = calls * latencyMs / 1000.0 / concurrency;
            System.out.printf(Locale.ROOT, "engine_built_s=%.3f queued_s=%.3f%n", (tBuilt - t0) / 1e9, (tQueued - t0) / 1e9);
            System.out.printf(Locale.ROOT, "engine-bench: cases=%d ok_cases=%d calls=%d attempts=%d retries=%d concurrency=%d "
                            + "latency_ms=%.0f wall_s=%.3f ideal_s=%.3f efficiency=%.3f calls_per_s=%.1f judge_latency_ms=%.1f%n",
                    cases, ok, calls, s.attempts(), s.retries(), concurrency, latencyMs, wall, ideal, ideal / wall, calls / wall, latSum.sum() / (double) Math.max(1, ok));
        }
    }

    private static LlmRequest req(String who, int i, String system) {
        return new LlmRequest("bench-model", system, List.of(ChatMessage.user(who + " case " + i + ": how do I reset my password?")),
                new Decoding(0.0, null, 256, null), null, 0);
    }
}
