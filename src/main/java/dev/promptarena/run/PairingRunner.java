package dev.promptarena.run;

import dev.promptarena.config.JudgeConfig;
import dev.promptarena.config.ReferenceJudgeConfig;
import dev.promptarena.config.TournamentConfig;
import dev.promptarena.config.VariantConfig;
import dev.promptarena.engine.CallEngine;
import dev.promptarena.engine.Calls;
import dev.promptarena.engine.CostModel;
import dev.promptarena.engine.Progress;
import dev.promptarena.judge.PairJudging;
import dev.promptarena.recorded.Recorded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one pairing of a tournament through the two-variant {@link ArenaRunner} into its own run folder under
 * {@code pairs/}: its manifest, its cases and their files, with the tournament's shared generations, judge and checks.
 */
final class PairingRunner {
    private final ArenaInputs in;
    private final RunOptions options;
    private final RunDirectory dir;
    private final Instant started;
    private final List<JudgeConfig> judges;
    private final String templateSha;
    private final ReferenceJudgeConfig reference;
    private final String embedder;
    private final SharedGenerations shared;
    private final CostModel costs;
    private final CheckStage checks;
    private final PairJudging judge;
    private final Progress progress;
    private final Consumer<ArenaRunner> onRunner;
    private final BooleanSupplier interrupted;
    private final StorageAfterJournalFailure storage;

    /**
     * @param onRunner told each pairing's runner before it starts (so Ctrl-C can stop it)
     * @param storage  the pairing's files once its cases ran: best effort after a journal failure, as a two-variant run's
     */
    PairingRunner(ArenaInputs in, RunOptions options, RunDirectory dir, Instant started, List<JudgeConfig> judges, String templateSha,
                  ReferenceJudgeConfig reference, String embedder, SharedGenerations shared, CostModel costs, CheckStage checks,
                  PairJudging judge, Progress progress, Consumer<ArenaRunner> onRunner, BooleanSupplier interrupted,
                  StorageAfterJournalFailure storage) {
        this.in = in;
        this.options = options;
        this.dir = dir;
        this.started = started;
        this.judges = judges;
        this.templateSha = templateSha;
        this.reference = reference;
        this.embedder = embedder;
        this.shared = shared;
        this.costs = costs;
        this.checks = checks;
        this.judge = judge;
        this.progress = progress;
        this.onRunner = onRunner;
        this.interrupted = interrupted;
        this.storage = storage;
    }

    /**
     * Runs the pairing and adds its recorded run to {@code runs}.
     *
     * @return why it stopped before its last case (budget, Ctrl-C), or null when it completed
     */
    String run(TournamentRun.Planned p, String folder, List<RecordedRun> runs) throws InterruptedException {
        TournamentConfig t = in.config().tournament();
        VariantConfig va = t.variants().get(p.a()), vb = t.variants().get(p.b());
        ArenaInputs pairInputs = inputs(p);
        int total = p.cases().size() * options.repeats();
        RunDirectory sub = pairDir(folder);
        TournamentShards.describePairing(dir, sub); // a shard's pairing folder is a shard folder of that pairing, for merge
        Manifest manifest = ManifestFactory.create(pairInputs, judges, templateSha, dir.runId(), total, options, started, null,
                "running", reference, embedder);
        sub.writeJson("manifest.json", manifest);
        ArenaRunner runner = runner(pairInputs, p, shared, judge);
        onRunner.accept(runner);
        if (interrupted.getAsBoolean()) runner.requestStop();
        List<CaseRecord> records;
        try (CaseFiles files = CaseFiles.start(sub, new CaseOrder(p.cases(), options.repeats()))) {
            // No record stays in memory: they are read back from the pairing's cases.jsonl (issue 21).
            runner.runEach(p.cases(), options.repeats(), (position, r) -> {
                progress.caseDone();
                files.caseDone(r);
            });
            List<List<CaseRecord>> committed = new java.util.ArrayList<>(List.of(List.of()));
            storage.write(() -> committed.set(0, files.commit()));
            // When cases.jsonl could not be written after the journal failed, there is nothing to report cases from.
            records = committed.get(0);
        }
        String partial = null;
        if (records.size() < total) {
            // "interrupted" first when Ctrl-C stopped it: the exit code (130) is read from that word.
            partial = String.format(Locale.ROOT, "%s pairing %s vs %s after %d of %d cases", interrupted.getAsBoolean() ? "interrupted in" : "stopped in",
                    va.name(), vb.name(), records.size(), total);
        }
        Manifest finished = manifest.withEnd(Instant.now().toString(), partial);
        storage.write(() -> sub.writeJson("manifest.json", finished));
        runs.add(new RecordedRun(finished, records, null));
        return partial;
    }

    /**
     * Batch mode (issue 21): {@link BatchPrefill}'s rounds over every pairing of {@code plan} (a stage of it), each round
     * with its own shared generations and judge over the engine's collecting door, so each variant's generation is queued
     * once per (case, repeat) and each pairing's judge calls once the generations are in. False when stopped meanwhile.
     *
     * @param judges the tournament's judge (panel) over the given calls
     */
    boolean prefill(CallEngine engine, Function<Calls, PairJudging> judges, List<TournamentRun.Planned> plan) throws InterruptedException {
        return BatchPrefill.run(engine, deferring -> {
            SharedGenerations generations = new SharedGenerations(deferring);
            PairJudging collecting = judges.apply(deferring);
            for (TournamentRun.Planned p : plan) {
                runner(inputs(p), p, generations, collecting).runEach(p.cases(), options.repeats(), (position, r) -> { }); // keeps no record
            }
        });
    }

    private ArenaInputs inputs(TournamentRun.Planned p) {
        TournamentConfig t = in.config().tournament();
        VariantConfig va = t.variants().get(p.a()), vb = t.variants().get(p.b());
        return new ArenaInputs(in.config().withPair(TournamentConfig.asRole(va, "A"), TournamentConfig.asRole(vb, "B")),
                in.rubric(), p.cases(), in.datasetSha256(), Recorded.NONE);
    }

    /** The pairing's two-variant runner over {@code generations} (the control's generations under role A, every candidate's under B). */
    private ArenaRunner runner(ArenaInputs pairInputs, TournamentRun.Planned p, SharedGenerations generations, PairJudging pairJudge) {
        Calls pairCalls = generations.forPairing(p.a() == 0 ? Calls.Role.A : Calls.Role.B, Calls.Role.B);
        return new ArenaRunner(pairInputs.config().a(), pairInputs.config().b(), pairJudge, pairCalls, costs,
                options.window(), Recorded.NONE, checks).emptyRepliesAreAnswers(!in.config().emptyReplyIsError());
    }

    private RunDirectory pairDir(String name) {
        try {
            return RunDirectory.open(Files.createDirectories(dir.file(name)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir.file(name), e);
        }
    }
}
