package dev.promptarena.run;

import dev.promptarena.canary.ScoreWindows;
import dev.promptarena.canary.Traces;
import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.JudgeConfig;
import dev.promptarena.engine.CallEngine;
import dev.promptarena.engine.CallNotMadeException;
import dev.promptarena.engine.EngineOptions;
import dev.promptarena.engine.EngineSnapshot;
import dev.promptarena.engine.PriceTable;
import dev.promptarena.input.Hashing;
import dev.promptarena.input.InputException;
import dev.promptarena.judge.JudgeStatus;
import dev.promptarena.judge.PointwiseJudge;
import dev.promptarena.judge.PointwisePrompt;
import dev.promptarena.llm.ClientFactory;
import dev.promptarena.llm.http.BaseUrl;
import dev.promptarena.rubric.Rubric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The online judge over a predeclared sample of production traces: every call through one {@link CallEngine}
 * in the run folder (so its journal makes {@code --resume} re-issue nothing, the shared cache serves repeats, the
 * budget stops cleanly), the judge configuration of the offline arena recorded in {@code score-manifest.json}.
 */
public final class OnlineScoring {
    public static final String MANIFEST = "score-manifest.json";

    private OnlineScoring() {}

    /** What to score and how. */
    public record Request(ArenaConfig config, Rubric rubric, Path tracesFile, List<Traces.Trace> traces, double fraction, long seed,
                          EngineOptions engine, Map<String, String> env) {}

    /** One sampled trace's result; {@code score} null when the budget stopped its call. */
    public record Scored(Traces.Trace trace, PointwiseJudge.Score score) {}

    /** The outcome: scored traces in file order, engine counters, and why the run is partial (null if complete). */
    public record Result(RunDirectory dir, int traces, List<Scored> sampled, EngineSnapshot engine, String partialReason) {
        public List<ScoreWindows.Scored> okScores() {
            return sampled.stream().filter(s -> s.score() != null && s.score().status() == JudgeStatus.OK)
                    .map(s -> new ScoreWindows.Scored(s.trace().timestamp(), s.score().scores())).toList();
        }
    }

    public static Result run(Request r, RunDirectory dir, boolean resume) throws InterruptedException {
        JudgeConfig judge = r.config().judge();
        PointwisePrompt prompt = new PointwisePrompt(r.rubric());
        Map<String, Object> manifest = manifest(r, judge, prompt, dir);
        if (resume) checkSameDesign(dir, manifest);
        dir.writeJson(MANIFEST, manifest);
        List<Traces.Trace> sample = r.traces().stream().filter(t -> Traces.sampled(t.traceId(), r.seed(), r.fraction())).toList();
        List<Scored> out = new ArrayList<>();
        EngineSnapshot snapshot;
        try (CallEngine engine = new CallEngine(Map.of(judge.provider(), r.config().provider(judge.provider())),
                new ClientFactory(r.env(), r.engine().clock())::create, r.config().maxAttempts(), r.config().prices(), dir.path(), r.engine())) {
            PointwiseJudge pj = new PointwiseJudge(judge, prompt, engine, new PriceTable(r.config().prices()));
            List<CompletableFuture<PointwiseJudge.Score>> futures = new ArrayList<>();
            for (Traces.Trace t : sample) futures.add(pj.score(t.traceId(), t.request(), t.context(), t.output()));
            for (int i = 0; i < sample.size(); i++) {
                PointwiseJudge.Score s;
                try {
                    s = futures.get(i).join();
                } catch (CompletionException e) {
                    if (!(e.getCause() instanceof CallNotMadeException)) throw e;
                    s = null; // the budget stopped it: not scored, never counted as a failure
                }
                out.add(new Scored(sample.get(i), s));
            }
            snapshot = engine.snapshot();
        }
        long notScored = out.stream().filter(s -> s.score() == null).count();
        String partial = notScored == 0 ? null : notScored + " of " + sample.size() + " sampled traces were not scored: the cost budget was reached";
        manifest.put("finishedAt", Instant.now().toString());
        manifest.put("partial", partial != null);
        manifest.put("partialReason", partial);
        dir.writeJson(MANIFEST, manifest);
        return new Result(dir, r.traces().size(), out, snapshot, partial);
    }

    private static Map<String, Object> manifest(Request r, JudgeConfig judge, PointwisePrompt prompt, RunDirectory dir) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "prompt-arena score");
        m.put("toolVersion", Version.current());
        m.put("runId", dir.runId());
        m.put("traces", r.tracesFile().toString());
        m.put("tracesSha256", sha256(r.tracesFile()));
        m.put("sample", Map.of("fraction", r.fraction(), "seed", r.seed(),
                "rule", "sha256(\"score-<seed>:<trace_id>\") first 4 bytes / 2^32 < fraction"));
        m.put("rubricSha256", r.rubric().sha256());
        m.put("axes", r.rubric().axisNames());
        m.put("arenaConfig", r.config().file().toString());
        m.put("arenaConfigSha256", r.config().sha256());
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", judge.id());
        j.put("provider", judge.provider());
        j.put("model", judge.model());
        j.put("decoding", judge.decoding());
        j.put("structured", judge.structured());
        j.put("templateSha256", prompt.templateSha256());
        m.put("judge", j);
        // The provider's type, address and the *name* of its key variable; never a key.
        var p = r.config().provider(judge.provider());
        m.put("provider", Map.of("type", p.type(), "baseUrl", String.valueOf(BaseUrl.withoutCredentials(p.baseUrl())), "apiKeyEnv", String.valueOf(p.apiKeyEnv())));
        m.put("startedAt", Instant.now().toString());
        return m;
    }

    /** A resumed run must score the same sample with the same judge: anything else is a different run. */
    private static void checkSameDesign(RunDirectory dir, Map<String, Object> now) {
        Path file = dir.file(MANIFEST);
        try {
            var before = RunDirectory.JSON.readTree(file.toFile());
            for (String key : List.of("tracesSha256", "rubricSha256", "arenaConfigSha256")) {
                if (!before.path(key).asText().equals(String.valueOf(now.get(key)))) {
                    throw new InputException(file, 0, key, "differs from this invocation: resume only with the same traces, rubric and judge config");
                }
            }
            var s = before.path("sample");
            @SuppressWarnings("unchecked") Map<String, Object> ns = (Map<String, Object>) now.get("sample");
            if (s.path("seed").asLong() != (long) ns.get("seed") || s.path("fraction").asDouble() != (double) ns.get("fraction")) {
                throw new InputException(file, 0, "sample", "differs from this invocation: the sample was predeclared as " + s);
            }
        } catch (IOException e) {
            throw new InputException(file, "not a score run folder: " + e.getMessage());
        }
    }

    private static String sha256(Path file) {
        try {
            return Hashing.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw dev.promptarena.input.ReadErrors.of(file, e);
        }
    }
}
