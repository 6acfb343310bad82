package dev.promptarena.run;

import dev.promptarena.checks.CheckRunner;
import dev.promptarena.config.ArenaConfig;
import dev.promptarena.input.InputException;
import dev.promptarena.config.JudgeConfig;
import dev.promptarena.config.ProviderChecks;
import dev.promptarena.config.ReferenceJudgeConfig;
import dev.promptarena.decision.SequentialRegistration;
import dev.promptarena.engine.CallEngine;
import dev.promptarena.engine.Calls;
import dev.promptarena.engine.CostModel;
import dev.promptarena.engine.EngineSnapshot;
import dev.promptarena.engine.PriceTable;
import dev.promptarena.engine.Progress;
import dev.promptarena.judge.JudgePanel;
import dev.promptarena.judge.JudgePrompt;
import dev.promptarena.judge.OrderAssigner;
import dev.promptarena.judge.PairJudge;
import dev.promptarena.judge.ReferenceJudge;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Runs an arena: generate both variants and judge each pair (through one {@link Calls}
 * engine), record everything in a fresh run folder, then derive every report from what was
 * recorded. The run folder is created before the first call so an interrupted run still has one.
 * Rubric checks run on both outputs of every case; without an LLM judge the reference judge decides
 * each pair from them, and with recorded outputs on both sides no provider is called at all.
 */
public final class RunPipeline implements AutoCloseable {
    private final Map<String, String> env;
    private final PrintStream err;
    private final ReportWriter interimReports;
    private volatile ArenaRunner runner;
    private volatile boolean interrupted;
    private volatile CallEngine engine;
    private volatile RunLock lock;
    private volatile EndedManifest ending;

    /** @param interimReports writes the reports of the run in progress (see {@link InterimReports}) */
    public RunPipeline(Map<String, String> env, PrintStream err, ReportWriter interimReports) {
        this.env = Map.copyOf(env);
        this.err = err;
        this.interimReports = interimReports;
    }

    /**
     * What a run produced: what its folder records (manifest.json once {@link #manifest()} returns, cases.jsonl, engine.json),
     * so reports are derived from memory without reading the files back. {@code cacheWrites} completes, with the number of
     * cache writes that failed, once the shared cache holds every new response: wait for it before the process exits, after
     * the reports. {@code storageFailed}: the journal could not be written, so the run stopped (a run error, whatever the partial report says).
     */
    public record Result(RunDirectory dir, EndedManifest ended, List<CaseRecord> records, EngineSnapshot engine, String partialReason,
                         CompletableFuture<Long> cacheWrites, boolean storageFailed) {
        public Manifest manifest() { return ended.complete(); } // waits for the served models (EndedManifest)
    }

    /**
     * Stops the run (Ctrl-C): no new case starts and no queued call is sent; calls already sent finish and are
     * journaled, cases that are complete are kept, and the run is marked partial. Resume does the rest.
     */
    public void interrupt() {
        interrupted = true;
        ArenaRunner r = runner;
        if (r != null) r.requestStop();
        CallEngine e = engine;
        if (e != null) e.stop();
    }

    /** Releases the run folder once its reports are written (the OS releases it anyway when the process ends). */
    @Override
    public void close() {
        if (ending != null) ending.awaitQuietly(); // manifest.json is written before the folder is unlocked
        RunLock l = lock;
        lock = null;
        if (l != null) l.close();
    }

    /** Releases the folder of a resume refused before it was marked running, with {@code .lock} as it was ({@link RunLock}). */
    private void releaseUnchanged() {
        RunLock l = lock;
        lock = null;
        if (l != null) l.releaseUnchanged();
    }

    public Result execute(ArenaInputs fullInputs, RunOptions options) throws InterruptedException {
        ArenaInputs limited = fullInputs.limitedTo(options.limit());
        Shard shard = options.shard();
        // Limit first, then shard: `--limit 100 --shard 1/4` is a quarter of the first 100 cases, as merge expects.
        ArenaInputs sharded = shard == null ? limited : limited.onlyCases(shard::contains);
        ArenaConfig config = sharded.config();
        if (config.policy().sequential() != null && shard != null) {
            // A look needs the whole run's prefix; a shard cannot stop the other shards. Checked before the run folder exists.
            throw new InputException(config.file(), 0, "decision.sequential",
                    "a sequential design stops the whole run at a look and cannot run in shards (--shard); run it unsharded");
        }
        BatchPrefill.check(config, options);
        List<JudgeConfig> judges = options.judgeSeed() == null ? config.judges()
                : config.judges().stream().map(j -> j.withSeed(options.judgeSeed())).toList();
        ReferenceJudgeConfig reference = referenceJudge(config, options);
        // A sequential design is registered before the first call: boundaries for this run's size, and a seeded random case order.
        long orderSeed = judges.isEmpty() ? reference.seed() : judges.get(0).seed();
        SequentialRegistration sequential = config.policy().sequential() == null ? null
                : SequentialRegistration.of(config.policy(), limited.cases().size() * options.repeats(), orderSeed);
        ArenaInputs in = sequential == null ? sharded : SequentialMonitor.inOrder(sharded, orderSeed);
        // Built before the run folder: a missing embeddings module is an input error, not a half-made run.
        CheckRunner checkRunner = in.rubric().checks().isEmpty() ? null : CheckRunner.forChecks(in.rubric().name(), in.rubric().checks());
        String embedder = checkRunner == null || checkRunner.embedder() == null ? null : checkRunner.embedder().modelId();
        // A key that is not set is an input error found before the run folder exists, not a run error after.
        List<InputException> noKey = ProviderChecks.missingKeys(config, usedProviders(config, in), env);
        if (!noKey.isEmpty()) throw noKey.get(0);
        List<dev.promptarena.config.VariantConfig> called = new java.util.ArrayList<>();
        if (in.recorded().a() == null) called.add(config.a());
        if (in.recorded().b() == null) called.add(config.b());
        CostCapChecks.check(config, options.engine().maxCostUsd(), called, judges, env, err);
        Path parent = options.outDir() != null ? options.outDir() : config.outputDir();
        // The template is panel-wide (judge.template), so one prompt serves every judge.
        JudgePrompt prompt = judges.isEmpty() ? null : new JudgePrompt(in.rubric(), judges.get(0).template());
        String templateSha = prompt == null ? null : prompt.templateSha256();
        int total = in.cases().size() * options.repeats();
        RunDirectory dir;
        Instant started;
        CallEngine resumed = null;
        if (options.resumeDir() != null) {
            // Resume: the same folder, whose journal serves every call that already completed.
            dir = RunDirectory.open(options.resumeDir());
            // Before anything is written: a second process on this folder is refused untouched.
            lock = RunLock.acquire(dir.path());
            try {
                started = ManifestFactory.startedAt(dir.file("manifest.json"));
                // The engine reads the journal whole (every line's slot, outcome and cost) before the folder is marked running
                // below: a journal that fails a read part way, or holds a line that is not an entry, is refused with the folder
                // as it was. Before, the folder was marked running first and the resume then failed (UnreadableInputsTest).
                resumed = CallEngine.create(config, usedProviders(config, in), env, dir.path(), options.engine());
            } catch (RuntimeException | Error refused) {
                releaseUnchanged(); // .lock too: a refused resume leaves every byte of the folder as it was
                throw refused;
            }
        } else {
            started = Instant.now();
            if (options.runDir() != null) {
                // A folder the user named (it may exist, empty): its manifest is written right below.
                dir = RunDirectory.createExact(options.runDir());
            } else {
                // The folder appears with its manifest in place: a kill at any moment leaves a resumable folder or none.
                String suffix = shard == null ? "" : "-shard-" + shard.index() + "-of-" + shard.count();
                dir = RunDirectory.create(parent, config.name(), suffix, ZonedDateTime.now(), runId -> ManifestFactory.create(in, judges, templateSha,
                        runId, total, options, started, null, "running", reference, embedder).withSequential(sequential));
            }
            lock = RunLock.acquire(dir.path());
        }
        Manifest manifest = ManifestFactory.create(in, judges, templateSha, dir.runId(), total, options, started, null, "running",
                reference, embedder).withSequential(sequential);
        try {
            if (shard != null) {
                dir.writeJson(ShardInfo.FILE, new ShardInfo(shard.index(), shard.count(), limited.cases().size(), options.repeats(),
                        shard.positions(limited.cases())));
            }
            if (options.resumeDir() != null || options.runDir() != null) dir.writeJson("manifest.json", manifest);
        } catch (RuntimeException | Error e) {
            if (resumed != null) {
                resumed.close();
                releaseUnchanged();
            }
            throw e;
        }
        // Warn before spending anything: the user may prefer to add or swap a judge first.
        manifest.selfPreference().forEach(s -> err.println("warning: " + s.message()));
        CostModel costs = new PriceTable(config.prices());
        List<CaseRecord> records;
        int finished;
        EngineSnapshot snapshot;
        SequentialMonitor monitor;
        // The engine: journal (resume), shared cache, budget, retries, per-provider limits.
        CallEngine calls = resumed != null ? resumed : CallEngine.create(config, usedProviders(config, in), env, dir.path(), options.engine());
        engine = calls;
        if (interrupted) calls.stop();
        CaseOrder order = new CaseOrder(in.cases(), options.repeats());
        try (Progress progress = Progress.forConsole(options.quiet(), err, calls::snapshot);
             CheckStage checks = new CheckStage(checkRunner, CHECK_THREADS);
             // Before the interim reports, which read the cases back from its file (closed in reverse order).
             CaseFiles caseFiles = CaseFiles.start(dir, order);
             InterimReports interim = InterimReports.start(interimReports, dir, reason -> manifest.withEnd(null, reason), order,
                     caseFiles::snapshot, calls::snapshot, err)) {
            java.util.function.BiFunction<Calls, Integer, ArenaRunner> runners = (c, window) -> new ArenaRunner(config.a(), config.b(),
                    judges.isEmpty() ? new ReferenceJudge(reference.margin()) : new JudgePanel(judges.stream()
                            .map(j -> new PairJudge(j, prompt, c, costs, orders(j.seed(), limited, options.repeats()))).toList()),
                    c, costs, window, in.recorded(), checks).emptyRepliesAreAnswers(!config.emptyReplyIsError());
            // Batch mode: every call answered by provider batches first; the run proper then only reads the answers.
            boolean prefilled = options.engine().batch() == null || interrupted || BatchPrefill.run(calls, runners, in.cases(), options.repeats(),
                    options.window());
            runner = runners.apply(calls, options.window());
            if (interrupted || !prefilled) runner.requestStop();
            ArenaRunner stoppable = runner;
            monitor = sequential == null ? null : new SequentialMonitor(config.policy(), sequential, order, () -> {
                stoppable.requestStop();
                calls.stop();
            });
            progress.start(total);
            SequentialMonitor m = monitor;
            // No record stays in memory: each goes to cases.jsonl (CaseFiles), and the reports read it back from there.
            finished = runner.runEach(in.cases(), options.repeats(), (position, r) -> {
                if (m != null) m.caseDone(r);
                progress.caseDone();
                caseFiles.caseDone(r); // before the interim reports, whose snapshot is taken on the files' thread
                interim.caseDone(r);
            });
            interim.close(); // an interim report still being written must not overwrite the final one
            List<List<CaseRecord>> committed = new java.util.ArrayList<>(List.of(List.of()));
            bestEffortAfterJournalFailure(calls, () -> committed.set(0, caseFiles.commit()));
            // When cases.jsonl could not be written after the journal failed, there is nothing to report cases from.
            records = committed.get(0);
            // Calls issued, cache and journal hits, retries, failures by reason, tokens and cost per role.
            snapshot = calls.snapshot();
            bestEffortAfterJournalFailure(calls, () -> dir.writeJson("engine.json", snapshot));
        } catch (RuntimeException | Error | InterruptedException e) {
            calls.close();
            throw e;
        }
        CompletableFuture<Long> cacheWrites = calls.closeLeavingCacheWrites();
        String partial = null;
        if (calls.journalFailure() != null) {
            partial = "the journal could not be written (" + calls.journalFailure() + ") after " + finished + " of " + total
                    + " cases; free the space, then resume";
        } else if (snapshot.partial()) {
            partial = String.format(java.util.Locale.ROOT, "the cost budget of $%.4f was reached after %d of %d cases",
                    options.engine().maxCostUsd(), finished, total);
        } else if (runner.stopped() && !(monitor != null && monitor.stopped() && !interrupted)) {
            // A stop by the registered design is a normal end, not a partial run; Ctrl-C or a budget stop is.
            partial = "interrupted after " + finished + " of " + total + " cases";
        }
        EndedManifest ended = ending = EndedManifest.start(manifest.withEnd(Instant.now().toString(), partial),
                dir.file(dev.promptarena.engine.CallEngine.JOURNAL), dir, new StorageAfterJournalFailure(calls, err), err);
        runner = null; // its judges' order plan holds the golden set's ids: not kept through the final analysis (issue 21)
        return new Result(dir, ended, records, snapshot, partial, cacheWrites, calls.journalFailure() != null);
    }

    private void bestEffortAfterJournalFailure(CallEngine calls, StorageAfterJournalFailure.Write write) throws InterruptedException {
        new StorageAfterJournalFailure(calls, err).write(write); // see StorageAfterJournalFailure
    }

    /**
     * The balanced presentation order of every (case, repeat) of the run, planned over the whole run even in a shard
     * (so each case is shown in the order a single-machine run shows it, and the merged run is the balanced one), stratified by
     * the tag key {@link BalanceTag#key} names (judge.balance_by, else the first alphabetically) so each segment of it is balanced too.
     */
    static OrderAssigner orders(long seed, ArenaInputs in, int repeats) {
        String key = BalanceTag.key(in.config(), in.cases());
        // Each unit made when the plan asks for it, from the golden set's ids and tags (no case read back, no list of
        // units): the plan's index reads the ids back from the golden set when it looks one up.
        dev.promptarena.dataset.GoldenSet cases = in.golden();
        return OrderAssigner.balanced(seed, new java.util.AbstractList<>() {
            @Override public OrderAssigner.Unit get(int i) {
                int c = i / repeats;
                return new OrderAssigner.Unit(cases.id(c), i % repeats, key == null ? "" : cases.tags(c).getOrDefault(key, ""));
            }

            @Override public int size() { return cases.size() * repeats; }
        });
    }

    /** Threads that evaluate checks. Few: checks are CPU work (regexes, embeddings) and more threads than cores would only
     *  take time from the HTTP threads; cases in flight are already bounded by the window. */
    private static final int CHECK_THREADS = 2;

    /** The reference judge when no LLM judge is configured (explicitly, or implicitly for a checks-only rubric). */
    static ReferenceJudgeConfig referenceJudge(ArenaConfig config, RunOptions options) {
        if (config.judge() != null) return null;
        ReferenceJudgeConfig r = config.reference() != null ? config.reference() : ReferenceJudgeConfig.implicit();
        return options.judgeSeed() == null ? r : r.withSeed(options.judgeSeed());
    }

    /** The providers the run calls: not a recorded variant's, every panel judge's (none without an LLM judge). */
    public static Set<String> usedProviders(ArenaConfig config, ArenaInputs in) {
        Set<String> used = new LinkedHashSet<>();
        if (in.recorded().a() == null) used.add(config.a().provider());
        if (in.recorded().b() == null) used.add(config.b().provider());
        config.judges().forEach(j -> used.add(j.provider()));
        return used;
    }
}
