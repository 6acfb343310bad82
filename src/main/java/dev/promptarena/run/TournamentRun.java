package dev.promptarena.run;

import dev.promptarena.checks.CheckRunner;
import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.JudgeConfig;
import dev.promptarena.config.ProviderChecks;
import dev.promptarena.config.ReferenceJudgeConfig;
import dev.promptarena.config.TournamentConfig;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.engine.CallEngine;
import dev.promptarena.engine.Calls;
import dev.promptarena.engine.CostModel;
import dev.promptarena.engine.EngineSnapshot;
import dev.promptarena.engine.PriceTable;
import dev.promptarena.engine.Progress;
import dev.promptarena.input.InputException;
import dev.promptarena.judge.JudgePanel;
import dev.promptarena.judge.JudgePrompt;
import dev.promptarena.judge.PairJudge;
import dev.promptarena.judge.PairJudging;
import dev.promptarena.judge.ReferenceJudge;
import dev.promptarena.stats.tournament.TieModel;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs a tournament: one engine (journal, cache, budget) for the whole run; each scheduled pairing runs through the
 * two-variant {@link ArenaRunner} (same requests, same seeded presentation order, same checks) into its own run folder
 * under {@code pairs/}, with {@link SharedGenerations} so each variant is generated once per (case, repeat) whatever
 * the number of pairings it plays. Pairings run one after another, in schedule order.
 */
public final class TournamentRun {
    /** Ties count with Davidson's model: a judge's TIE says the two are close, not that each won half. */
    public static final TieModel TIES = TieModel.DAVIDSON;

    private final Map<String, String> env;
    private final PrintStream err;
    private final TournamentInterim interim;
    private volatile boolean interrupted;
    private volatile ArenaRunner runner;
    private volatile CallEngine engine;
    private boolean interimWarned;

    public TournamentRun(Map<String, String> env, PrintStream err) { this(env, err, TournamentInterim.NONE); }

    /** @param interim writes the interim reports after each pairing but the last ({@code run} passes the report writer) */
    public TournamentRun(Map<String, String> env, PrintStream err, TournamentInterim interim) {
        this.env = Map.copyOf(env);
        this.err = err;
        this.interim = interim;
    }

    /**
     * What the run recorded: the layout, each pairing's recorded run (in the layout's order) and the shared engine's
     * counters. {@code cacheWrites} as for a two-variant run.
     */
    public record Result(RunDirectory dir, TournamentFolder folder, List<RecordedRun> runs, EngineSnapshot engine, String partialReason,
                         CompletableFuture<Long> cacheWrites, boolean storageFailed) {}

    /** Stops the run (Ctrl-C) as {@link RunPipeline#interrupt()} does: no new case or pairing starts, sent calls finish. */
    public void interrupt() {
        interrupted = true;
        ArenaRunner r = runner;
        if (r != null) r.requestStop();
        CallEngine e = engine;
        if (e != null) e.stop();
    }

    public Result execute(ArenaInputs fullInputs, RunOptions options) throws InterruptedException {
        ArenaInputs limited = fullInputs.limitedTo(options.limit());
        // --shard: this machine's cases of every pairing (limit first, then shard, as for two variants).
        ArenaInputs in = TournamentShards.select(limited, options.shard());
        ArenaConfig config = in.config();
        TournamentConfig t = config.tournament();
        if (t == null) throw new IllegalArgumentException("not a tournament config");
        if (config.policy().sequential() != null) {
            throw new InputException(config.file(), 0, "decision.sequential",
                    "sequential stopping is not run for tournaments; remove it to run the fixed design");
        }
        List<JudgeConfig> judges = options.judgeSeed() == null ? config.judges()
                : config.judges().stream().map(j -> j.withSeed(options.judgeSeed())).toList();
        ReferenceJudgeConfig reference = RunPipeline.referenceJudge(config, options);
        CheckRunner checkRunner = in.rubric().checks().isEmpty() ? null : CheckRunner.forChecks(in.rubric().name(), in.rubric().checks());
        String embedder = checkRunner == null || checkRunner.embedder() == null ? null : checkRunner.embedder().modelId();
        // A key that is not set is an input error found before the run folder exists.
        List<InputException> noKey = ProviderChecks.missingKeys(config, usedProviders(config), env);
        if (!noKey.isEmpty()) throw noKey.get(0);
        CostCapChecks.check(config, options.engine().maxCostUsd(), config.tournament().variants(), judges, env, err);
        RunDirectory dir;
        Instant started;
        if (options.resumeDir() != null) {
            dir = RunDirectory.open(options.resumeDir());
            started = ManifestFactory.startedAt(dir.file("manifest.json"));
        } else {
            started = Instant.now();
            dir = options.runDir() != null ? RunDirectory.createExact(options.runDir())
                    : RunDirectory.create(options.outDir() != null ? options.outDir() : config.outputDir(), config.name(),
                            TournamentShards.suffix(options.shard()), ZonedDateTime.now(), null);
            TournamentShards.describe(dir, limited, options);
        }
        // One process per run folder, as for a two-variant run (a second resume is refused).
        try (RunLock lock = RunLock.acquire(dir.path())) {
            return execute(in, limited, options, dir, started, judges, reference, checkRunner, embedder, lock);
        }
    }

    /** @param limited the whole run's cases (a shard's {@code in} is part of them): the judge's balanced order is drawn over these */
    private Result execute(ArenaInputs in, ArenaInputs limited, RunOptions options, RunDirectory dir, Instant started, List<JudgeConfig> judges,
                           ReferenceJudgeConfig reference, CheckRunner checkRunner, String embedder, RunLock lock) throws InterruptedException {
        ArenaConfig config = in.config();
        TournamentConfig t = config.tournament();
        JudgePrompt prompt = judges.isEmpty() ? null : new JudgePrompt(in.rubric(), judges.get(0).template());
        String templateSha = prompt == null ? null : prompt.templateSha256();
        int total = in.cases().size() * options.repeats();
        // On resume the engine reads the journal whole before the folder is marked running: a journal that fails a read part
        // way, or holds a line that is not an entry, is refused with the folder as it was (as RunPipeline does).
        CallEngine resumed;
        try {
            resumed = options.resumeDir() == null ? null : CallEngine.create(config, usedProviders(config), env, dir.path(), options.engine());
        } catch (RuntimeException | Error refused) {
            if (options.resumeDir() != null) lock.releaseUnchanged(); // .lock too: a refused resume leaves the folder as it was
            throw refused;
        }
        AdaptiveStage adaptive;
        List<Planned> plan = new ArrayList<>();
        TournamentFolder folder;
        try {
            // The top-level manifest (control against the first candidate) carries the command line for --resume.
            dir.writeJson("manifest.json", ManifestFactory.create(in, judges, templateSha, dir.runId(), total, options, started, null, "running",
                    reference, embedder));
            adaptive = t.adaptive() == null ? null : AdaptiveStage.of(t.adaptive(), in.cases(), judges.isEmpty() ? 0 : judges.get(0).seed());
            for (int[] p : t.pairings()) plan.add(new Planned(p[0], p[1], adaptive == null || p[0] == 0 ? in.cases() : adaptive.firstPass(), false));
            folder = layout(t, plan, adaptive);
            dir.writeJson(TournamentFolder.FILE, folder);
        } catch (RuntimeException | Error e) {
            if (resumed != null) {
                resumed.close();
                lock.releaseUnchanged();
            }
            throw e;
        }
        CostModel costs = new PriceTable(config.prices());
        CallEngine calls = resumed != null ? resumed : CallEngine.create(config, usedProviders(config), env, dir.path(), options.engine());
        engine = calls;
        if (interrupted) calls.stop();
        SharedGenerations shared = new SharedGenerations(calls);
        List<RecordedRun> runs = new ArrayList<>();
        String partial = null;
        EngineSnapshot snapshot;
        try (Progress progress = Progress.forConsole(options.quiet(), err, calls::snapshot);
             CheckStage checks = new CheckStage(checkRunner, 2)) {
            long units = plan.stream().mapToLong(p -> (long) p.cases().size() * options.repeats()).sum();
            if (adaptive != null) units += (long) adaptive.extraCases(t, options.repeats()) * options.repeats();
            progress.start(units);
            Function<Calls, PairJudging> judgeOver = c -> judges.isEmpty() ? new ReferenceJudge(reference.margin())
                    // Every pairing is presented in the two-variant run's balanced order of the same cases.
                    : new JudgePanel(judges.stream().map(j -> new PairJudge(j, prompt, c, costs,
                            RunPipeline.orders(j.seed(), limited, options.repeats()))).toList());
            PairingRunner pairings = new PairingRunner(in, options, dir, started, judges, templateSha, reference, embedder, shared, costs, checks,
                    judgeOver.apply(calls), progress, r -> runner = r, () -> interrupted, new StorageAfterJournalFailure(calls, err));
            // Batch mode: every call of the fixed schedule (adaptive: of stage one) answered by provider batches first.
            prefill(calls, pairings, judgeOver, plan, options);
            // A journal that failed on a pairing's last call leaves that pairing whole: the next must not start either.
            for (int p = 0; p < plan.size() && partial == null && calls.journalFailure() == null; p++) {
                partial = pairings.run(plan.get(p), folder.pairs().get(p).dir(), runs);
                if (adaptive != null && partial == null && p == t.pairings().size() - 1) {
                    // The first pass is complete: schedule stage two from its cases' votes, then record the new layout.
                    List<dev.promptarena.stats.tournament.Game> games = new ArrayList<>();
                    for (int i = 0; i < runs.size(); i++) games.addAll(AdaptiveStage.games(runs.get(i).cases(), plan.get(i).a(), plan.get(i).b()));
                    for (AdaptiveStage.Extra e : adaptive.extras(t, options.repeats(), games)) plan.add(new Planned(e.a(), e.b(), e.cases(), true));
                    folder = layout(t, plan, adaptive);
                    dir.writeJson(TournamentFolder.FILE, folder);
                    // Stage two's pairings are known only now: its own batch phase.
                    prefill(calls, pairings, judgeOver, plan.subList(p + 1, plan.size()), options);
                }
                if (partial == null && calls.journalFailure() == null && p + 1 < plan.size()) writeInterim(dir, folder, runs);
            }
            snapshot = calls.snapshot();
            EngineSnapshot written = snapshot;
            bestEffortAfterJournalFailure(calls, () -> dir.writeJson("engine.json", written));
        } catch (RuntimeException | Error | InterruptedException e) {
            calls.close();
            throw e;
        }
        CompletableFuture<Long> cacheWrites = calls.closeLeavingCacheWrites();
        if (calls.journalFailure() != null) {
            // As a two-variant run says it: the reason that matters for resuming is the journal's.
            partial = "the journal could not be written (" + calls.journalFailure() + ")" + (partial == null ? "" : ", " + partial.replaceFirst("^stopped in ", "in "))
                    + "; free the space, then resume";
        } else if (snapshot.partial() && partial != null && !interrupted) {
            partial = String.format(Locale.ROOT, "the cost budget of $%.4f was reached (%s)", options.engine().maxCostUsd(), partial);
        }
        Manifest top = ManifestFactory.read(dir.file("manifest.json")).withEnd(Instant.now().toString(), partial)
                .withServed(ServedModels.read(dir.file(CallEngine.JOURNAL)));
        bestEffortAfterJournalFailure(calls, () -> dir.writeJson("manifest.json", top));
        return new Result(dir, folder, runs, snapshot, partial, cacheWrites, calls.journalFailure() != null);
    }

    /** The interim reports after a pairing: a failure is reported once and changes nothing else (as {@link InterimReports}). */
    private void writeInterim(RunDirectory dir, TournamentFolder folder, List<RecordedRun> runs) {
        String note = String.format(Locale.ROOT, "in progress: %d of %d pairings had finished when this report was written;"
                + " the final report replaces it", runs.size(), folder.pairs().size());
        try {
            interim.write(dir, folder, List.copyOf(runs), note);
        } catch (RuntimeException e) {
            if (!interimWarned) err.println("warning: could not write an interim report: " + e.getMessage());
            interimWarned = true;
        }
    }

    /**
     * Batch mode's rounds for {@code stage} before its pairings run (issue 21). Stopped meanwhile (Ctrl-C, a kill after
     * submission), the run is stopped as by Ctrl-C: no pairing records a case, and the journaled batches wait for a resume.
     */
    private void prefill(CallEngine calls, PairingRunner pairings, Function<Calls, PairJudging> judgeOver,
                         List<Planned> stage, RunOptions options) throws InterruptedException {
        if (options.engine().batch() == null || interrupted || stage.isEmpty()) return;
        if (!pairings.prefill(calls, judgeOver, List.copyOf(stage))) interrupt();
    }

    /** One pairing to run: variants {@code a} &lt; {@code b} (indices, control 0) on {@code cases}; adaptive ones are stage two's. */
    record Planned(int a, int b, List<GoldenCase> cases, boolean adaptive) {}

    /** Pairing folders named after their variants (stable when a variant is added), made unique if two names slug alike. */
    static TournamentFolder layout(TournamentConfig t) {
        List<Planned> plan = t.pairings().stream().map(p -> new Planned(p[0], p[1], List.of(), false)).toList();
        return layout(t, plan, null);
    }

    /** As {@link #layout(TournamentConfig)} for a plan; stage two's folders end in "-adaptive". */
    static TournamentFolder layout(TournamentConfig t, List<Planned> plan, AdaptiveStage adaptive) {
        List<TournamentFolder.Pairing> pairs = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Planned p : plan) {
            String a = t.variants().get(p.a()).name(), b = t.variants().get(p.b()).name();
            String dir = "pairs/" + RunDirectory.slug(a) + "-vs-" + RunDirectory.slug(b) + (p.adaptive() ? "-adaptive" : "");
            if (!used.add(dir)) dir = dir + "-" + p.a() + "-" + p.b();
            used.add(dir);
            pairs.add(new TournamentFolder.Pairing(a, b, dir, p.adaptive()));
        }
        List<String> firstPass = adaptive == null ? null : adaptive.firstPass().stream().map(GoldenCase::id).toList();
        return new TournamentFolder(1, t.names(), t.schedule().name().toLowerCase(Locale.ROOT), TIES, pairs, firstPass);
    }

    /** See {@link StorageAfterJournalFailure}: the engine.json and manifest writes after the last pairing. */
    private void bestEffortAfterJournalFailure(CallEngine calls, Runnable write) throws InterruptedException {
        new StorageAfterJournalFailure(calls, err).write(write::run);
    }

    /** Every variant's provider and every panel judge's. */
    public static Set<String> usedProviders(ArenaConfig config) {
        Set<String> used = new LinkedHashSet<>();
        config.tournament().variants().forEach(v -> used.add(v.provider()));
        config.judges().forEach(j -> used.add(j.provider()));
        return used;
    }
}
