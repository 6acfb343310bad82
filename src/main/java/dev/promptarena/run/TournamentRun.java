package dev.promptarena.run;

import dev.promptarena.checks.CheckRunner;
import dev.promptarena.config.ArenaConfig;
import dev.promptarena.config.JudgeConfig;
import dev.promptarena.config.ProviderChecks;
import dev.promptarena.config.ReferenceJudgeConfig;
import dev.promptarena.config.TournamentConfig;
import dev.promptarena.config.VariantConfig;
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
import dev.promptarena.recorded.Recorded;
import dev.promptarena.stats.tournament.TieModel;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
    private volatile boolean interrupted;
    private volatile ArenaRunner runner;
    private volatile CallEngine engine;

    public TournamentRun(Map<String, String> env, PrintStream err) {
        this.env = Map.copyOf(env);
        this.err = err;
    }

    /**
     * What the run recorded: the layout, each pairing's recorded run (in the layout's order) and the shared engine's
     * counters. {@code cacheWrites} as for a two-variant run.
     */
    public record Result(RunDirectory dir, TournamentFolder folder, List<RecordedRun> runs, EngineSnapshot engine, String partialReason,
                         CompletableFuture<Long> cacheWrites) {}

    /** Stops the run (Ctrl-C) as {@link RunPipeline#interrupt()} does: no new case or pairing starts, sent calls finish. */
    public void interrupt() {
        interrupted = true;
        ArenaRunner r = runner;
        if (r != null) r.requestStop();
        CallEngine e = engine;
        if (e != null) e.stop();
    }

    public Result execute(ArenaInputs fullInputs, RunOptions options) throws InterruptedException {
        ArenaInputs in = fullInputs.limitedTo(options.limit());
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
        RunDirectory dir;
        Instant started;
        if (options.resumeDir() != null) {
            dir = RunDirectory.open(options.resumeDir());
            started = Instant.parse(ManifestFactory.read(dir.file("manifest.json")).startedAt());
        } else {
            started = Instant.now();
            dir = options.runDir() != null ? RunDirectory.createExact(options.runDir())
                    : RunDirectory.create(options.outDir() != null ? options.outDir() : config.outputDir(), config.name(), ZonedDateTime.now());
        }
        // One process per run folder, as for a two-variant run (a second resume is refused).
        try (RunLock lock = RunLock.acquire(dir.path())) {
            return execute(in, options, dir, started, judges, reference, checkRunner, embedder);
        }
    }

    private Result execute(ArenaInputs in, RunOptions options, RunDirectory dir, Instant started, List<JudgeConfig> judges,
                           ReferenceJudgeConfig reference, CheckRunner checkRunner, String embedder) throws InterruptedException {
        ArenaConfig config = in.config();
        TournamentConfig t = config.tournament();
        JudgePrompt prompt = judges.isEmpty() ? null : new JudgePrompt(in.rubric(), judges.get(0).template());
        String templateSha = prompt == null ? null : prompt.templateSha256();
        int total = in.cases().size() * options.repeats();
        // The top-level manifest (control against the first candidate) carries the command line for --resume.
        dir.writeJson("manifest.json", ManifestFactory.create(in, judges, templateSha, dir.runId(), total, options, started, null, "running",
                reference, embedder));
        TournamentFolder folder = layout(t);
        dir.writeJson(TournamentFolder.FILE, folder);
        CostModel costs = new PriceTable(config.prices());
        CallEngine calls = CallEngine.create(config, usedProviders(config), env, dir.path(), options.engine());
        engine = calls;
        if (interrupted) calls.stop();
        SharedGenerations shared = new SharedGenerations(calls);
        List<RecordedRun> runs = new ArrayList<>();
        String partial = null;
        EngineSnapshot snapshot;
        CaseOrder order = new CaseOrder(in.cases(), options.repeats());
        try (Progress progress = Progress.forConsole(options.quiet(), err, calls::snapshot);
             CheckStage checks = new CheckStage(checkRunner, 2)) {
            progress.start((long) total * folder.pairs().size());
            PairJudging judge = judges.isEmpty() ? new ReferenceJudge(reference.margin())
                    // Every pairing is presented in the two-variant run's balanced order of the same cases.
                    : new JudgePanel(judges.stream().map(j -> new PairJudge(j, prompt, calls, costs,
                            RunPipeline.orders(j.seed(), in, options.repeats()))).toList());
            List<int[]> pairings = t.pairings();
            for (int p = 0; p < pairings.size(); p++) {
                VariantConfig va = t.variants().get(pairings.get(p)[0]), vb = t.variants().get(pairings.get(p)[1]);
                ArenaInputs pairInputs = new ArenaInputs(config.withPair(TournamentConfig.asRole(va, "A"), TournamentConfig.asRole(vb, "B")),
                        in.rubric(), in.cases(), in.datasetSha256(), Recorded.NONE);
                RunDirectory sub = pairDir(dir, folder.pairs().get(p).dir());
                Manifest manifest = ManifestFactory.create(pairInputs, judges, templateSha, dir.runId(), total, options, started, null,
                        "running", reference, embedder);
                sub.writeJson("manifest.json", manifest);
                Calls pairCalls = shared.forPairing(pairings.get(p)[0] == 0 ? Calls.Role.A : Calls.Role.B, Calls.Role.B);
                runner = new ArenaRunner(pairInputs.config().a(), pairInputs.config().b(), judge, pairCalls, costs,
                        options.window(), Recorded.NONE, checks).emptyRepliesAreAnswers(!config.emptyReplyIsError());
                if (interrupted) runner.requestStop();
                List<CaseRecord> records;
                try (CaseFiles files = CaseFiles.start(sub, order)) {
                    runner.runEach(in.cases(), options.repeats(), (position, r) -> {
                        progress.caseDone();
                        files.caseDone(r);
                    });
                    records = files.commit();
                }
                if (records.size() < total && partial == null) {
                    // "interrupted" first when Ctrl-C stopped it: the exit code (130) is read from that word.
                    partial = String.format(Locale.ROOT, "%s pairing %s vs %s after %d of %d cases", interrupted ? "interrupted in" : "stopped in",
                            va.name(), vb.name(), records.size(), total);
                }
                Manifest finished = manifest.withEnd(Instant.now().toString(), partial);
                sub.writeJson("manifest.json", finished);
                runs.add(new RecordedRun(finished, records, null));
                if (partial != null) break; // budget reached or interrupted: the later pairings would not be issued either
            }
            snapshot = calls.snapshot();
            dir.writeJson("engine.json", snapshot);
        } catch (RuntimeException | Error | InterruptedException e) {
            calls.close();
            throw e;
        }
        CompletableFuture<Long> cacheWrites = calls.closeLeavingCacheWrites();
        if (snapshot.partial() && partial != null && !interrupted) {
            partial = String.format(Locale.ROOT, "the cost budget of $%.4f was reached (%s)", options.engine().maxCostUsd(), partial);
        }
        Manifest top = ManifestFactory.read(dir.file("manifest.json")).withEnd(Instant.now().toString(), partial)
                .withServed(ServedModels.read(dir.file(CallEngine.JOURNAL)));
        dir.writeJson("manifest.json", top);
        return new Result(dir, folder, runs, snapshot, partial, cacheWrites);
    }

    /** Pairing folders named after their variants (stable when a variant is added), made unique if two names slug alike. */
    static TournamentFolder layout(TournamentConfig t) {
        List<TournamentFolder.Pairing> pairs = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int[] p : t.pairings()) {
            String a = t.variants().get(p[0]).name(), b = t.variants().get(p[1]).name();
            String dir = "pairs/" + RunDirectory.slug(a) + "-vs-" + RunDirectory.slug(b);
            if (!used.add(dir)) dir = dir + "-" + p[0] + "-" + p[1];
            used.add(dir);
            pairs.add(new TournamentFolder.Pairing(a, b, dir));
        }
        return new TournamentFolder(1, t.names(), t.schedule().name().toLowerCase(Locale.ROOT), TIES, pairs);
    }

    private static RunDirectory pairDir(RunDirectory dir, String name) {
        try {
            return RunDirectory.open(Files.createDirectories(dir.file(name)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir.file(name), e);
        }
    }

    /** Every variant's provider and every panel judge's. */
    private static Set<String> usedProviders(ArenaConfig config) {
        Set<String> used = new LinkedHashSet<>();
        config.tournament().variants().forEach(v -> used.add(v.provider()));
        config.judges().forEach(j -> used.add(j.provider()));
        return used;
    }
}
