package dev.promptarena.cli;

import dev.promptarena.canary.ScoreWindows;
import dev.promptarena.canary.Traces;
import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.ConfigLoader;
import dev.promptarena.engine.EngineOptions;
import dev.promptarena.input.InputException;
import dev.promptarena.judge.JudgeStatus;
import dev.promptarena.report.Fmt;
import dev.promptarena.report.online.ScoreReport;
import dev.promptarena.rubric.Rubric;
import dev.promptarena.rubric.RubricLoader;
import dev.promptarena.run.OnlineScoring;
import dev.promptarena.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code prompt-arena score traces.jsonl --rubric R --judge arena.yaml}: the online judge over sampled production traces. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Online judge: score a predeclared sample of production traces.",
                "Scores a seeded random sample of traces, one output at a time, 1-5 per rubric axis, with the"
                        + " judge of an arena config (same provider, model, decoding), through the same engine as run (cache, journal, resume,"
                        + " budget). Reports per-window means with intervals and drift against a baseline window."},
        footer = {"", "Traces (JSONL): trace_id, timestamp (ISO-8601), request, output [, context].",
                "The sample: sha256(\"score-<seed>:<trace_id>\") first 4 bytes / 2^32 < --sample (fixed before any score is seen).",
                "", "Exit codes: 0 scored, 2 usage or input error, 3 partial (the budget stopped it; --resume later),"
                        + " 4 more than 5%% of the sampled traces unparseable or failed."})
public final class ScoreCommand implements Callable<Integer> {
    private static final double DRIFT_ALPHA = 0.05;

    @ParentCommand Main main;

    @Parameters(index = "0", paramLabel = "TRACES", description = "Production traces (JSONL).")
    Path traces;

    @Option(names = "--judge", required = true, paramLabel = "ARENA_YAML", description = "Arena config whose judge (and providers, prices) to use.")
    Path judgeConfig;

    @Option(names = "--rubric", paramLabel = "YAML", description = "Rubric (default: the arena config's).")
    Path rubricFile;

    @Option(names = "--sample", defaultValue = "0.1", description = "Fraction of traces to score (default: ${DEFAULT-VALUE}).")
    double fraction;

    @Option(names = "--seed", defaultValue = "1", description = "Sample seed, predeclared (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Parent of the score folder (default: the config's output).")
    Path out;

    @Option(names = "--score-dir", paramLabel = "DIR", description = "The exact score folder to create (must not exist or be empty),"
            + " instead of a time-stamped folder under --out: a path CI and canary check --scores can name in advance.")
    Path scoreDir;

    @Option(names = "--resume", paramLabel = "SCORE_DIR", description = "Complete an interrupted or budget-stopped scoring; no call is re-issued.")
    Path resume;

    @Option(names = "--max-cost", paramLabel = "USD", description = "Stop cleanly before spending more.")
    Double maxCost;

    @Option(names = "--no-cache", description = "Skip the shared response cache.")
    boolean noCache;

    @Option(names = "--window-hours", defaultValue = "24", description = "Window width (default: ${DEFAULT-VALUE}).")
    long windowHours;

    @Option(names = "--baseline-window", paramLabel = "ISO_TIME", description = "A time inside the baseline window (default: the first window).")
    Instant baseline;

    @Override
    public Integer call() throws Exception {
        if (!(fraction > 0 && fraction <= 1)) return usage("--sample must be in (0, 1], got " + fraction);
        if (windowHours < 1) return usage("--window-hours must be >= 1");
        if (maxCost != null && !(maxCost >= 0)) return usage("--max-cost must be >= 0");
        if (scoreDir != null && out != null) return usage("give --out PARENT or --score-dir DIR, not both");
        if (scoreDir != null && resume != null) return usage("--resume continues its own folder: not with --score-dir");
        // Before the config and traces are read, so a CI step that reuses a folder fails at once.
        if (scoreDir != null) RunDirectory.checkExactTarget(scoreDir, "--score-dir", "a scoring");
        ArenaConfig config = new ConfigLoader(main.env).load(judgeConfig);
        if (config.judge() == null) throw new InputException(judgeConfig, 0, "judge", "no LLM judge configured; the online judge needs one");
        Rubric rubric = new RubricLoader().load(rubricFile != null ? rubricFile : config.rubric());
        if (!rubric.hasAxes()) throw new InputException(rubricFile != null ? rubricFile : config.rubric(), 0, "axes", "the online judge scores rubric axes; this rubric has none");
        List<Traces.Trace> all = Traces.read(traces);
        if (resume != null && !Files.isRegularFile(resume.resolve(OnlineScoring.MANIFEST))) throw new InputException(resume, "not a score folder (no " + OnlineScoring.MANIFEST + ")");
        // As run checks it: under a cap, a priced judge without max_tokens has no worst case the budget could hold.
        dev.promptarena.run.CostCapChecks.check(config, maxCost, List.of(), config.judges(), main.env, main.err);
        EngineOptions engine = EngineOptions.defaults(main.env).withMaxCostUsd(maxCost);
        if (noCache) engine = engine.withoutCache();
        RunDirectory dir = resume != null ? RunDirectory.open(resume)
                : scoreDir != null ? RunDirectory.createExact(scoreDir, "--score-dir", "a scoring")
                : RunDirectory.create(out != null ? out : config.outputDir(), "score-" + config.name(), ZonedDateTime.now());
        OnlineScoring.Result r = OnlineScoring.run(new OnlineScoring.Request(config, rubric, traces, all, fraction, seed, engine, main.env), dir, resume != null);
        ScoreWindows.Analysis analysis = ScoreWindows.analyse(r.okScores(), rubric.axisNames(), windowHours, baseline, DRIFT_ALPHA);
        ScoreReport.write(r, rubric.axisNames(), analysis);
        long bad = r.sampled().stream().filter(s -> s.score() != null && s.score().status() != JudgeStatus.OK).count();
        main.out.printf("Sampled %d of %d traces (fraction %s, seed %d); scored %d, unparseable or failed %d; judge calls %d, cost $%.4f%n",
                r.sampled().size(), r.traces(), fraction, seed, r.okScores().size(), bad, r.engine().issued(), r.engine().costUsd());
        if (analysis.driftTests() > 0) {
            // The interval and p beside a drift are that comparison's alone; only the Holm p, over the family, flags it.
            main.out.printf("Per window and axis: mean [95%% t interval]; drift against the baseline window [95%% Welch interval] and p for"
                    + " that comparison alone, then p Holm-adjusted over all %d comparisons (DRIFT when below %s).%n", analysis.driftTests(), DRIFT_ALPHA);
        }
        for (ScoreWindows.AxisWindow w : analysis.windows()) {
            main.out.printf("  %s %-20s n=%-4d mean %s %s%s%n", w.windowStart(), dev.promptarena.util.TerminalText.plain(w.axis()), w.n(), Fmt.num(w.mean(), 2),
                    w.interval() == null ? "" : Fmt.interval(w.interval(), 2),
                    w.drift() == null ? "" : String.format("  drift %s %s p=%s%s%s", Fmt.signed(w.drift(), 2),
                            w.driftInterval() == null ? "" : Fmt.interval(w.driftInterval(), 2), Fmt.p(w.driftP()),
                            w.driftPHolm() == null ? "" : " Holm p=" + Fmt.p(w.driftPHolm()), w.drifted() ? "  DRIFT" : ""));
        }
        if (analysis.driftTests() > 0) {
            main.out.printf("Drift: %d of %d window-axis comparisons with the baseline window drifted (Holm-adjusted p < %s over all %d;"
                    + " an unadjusted p or interval of one comparison is not evidence on its own).%n",
                    analysis.drifted(), analysis.driftTests(), DRIFT_ALPHA, analysis.driftTests());
        }
        main.out.println("Scores: " + dir.file("scores.jsonl") + (r.partialReason() != null ? " (partial: " + r.partialReason() + "; --resume " + dir.path() + ")" : ""));
        if (r.partialReason() != null) return ExitCode.INCONCLUSIVE.code();
        return !r.sampled().isEmpty() && bad > 0.05 * r.sampled().size() ? ExitCode.RUN_ERROR.code() : ExitCode.PASS.code();
    }

    private int usage(String message) {
        main.err.println("error: " + message);
        return ExitCode.USAGE_OR_INPUT.code();
    }
}
