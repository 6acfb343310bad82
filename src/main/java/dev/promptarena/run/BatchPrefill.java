package dev.promptarena.run;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.engine.CallEngine;
import dev.promptarena.engine.Calls;
import dev.promptarena.engine.RunStoppedException;
import dev.promptarena.input.InputException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Batch mode's rounds before the run proper (issue 21). Each round runs every case against the engine's
 * collecting door ({@link CallEngine#deferring()}) with its results thrown away, which queues the calls
 * that have no answer yet (first both variants' generations, then the judge calls those answers make
 * possible, then the re-asks of unreadable verdicts), and submits them as provider batches. When a round
 * queues nothing, every answer is in the journal or the engine, and the run proper, built by the same
 * factory, records the cases exactly as a synchronous run would.
 */
final class BatchPrefill {
    /** Generations, judge calls, re-asks, with room to spare; anything later is called synchronously by the run proper. */
    static final int MAX_ROUNDS = 6;

    private BatchPrefill() {}

    /** A sequential design stops at looks between cases, which a run whose calls all go out at once cannot honour. */
    static void check(ArenaConfig config, RunOptions options) {
        if (options.engine().batch() != null && config.policy().sequential() != null) {
            throw new InputException(config.file(), 0, "engine.mode",
                    "batch mode submits every case at once, so a sequential design (decision.sequential) cannot stop early; run it without --batch");
        }
    }

    /** One round's work against the collecting door: runs every case (of every pairing, in a tournament), keeping no record. */
    @FunctionalInterface
    interface Round {
        void run(Calls deferring) throws InterruptedException;
    }

    /**
     * Runs the rounds. False when the run was stopped meanwhile (Ctrl-C, or the fault injection of a kill
     * after submission): the engine then refuses new calls, and the batches stay journaled for a resume.
     *
     * @param runners builds the runner over a {@link Calls} with a window of cases in flight
     */
    static boolean run(CallEngine engine, BiFunction<Calls, Integer, ArenaRunner> runners, List<GoldenCase> cases, int repeats, int window)
            throws InterruptedException {
        // The run's window of cases in flight: every call here is answered or queued at once, so a case finishes
        // as soon as it starts and the window bounds memory (10,000 cases at once: peak RSS 439 MB), not speed.
        return run(engine, deferring -> runners.apply(deferring, window).runEach(cases, repeats, (position, r) -> { })); // keeps no record (issue 21)
    }

    /** As {@link #run(CallEngine, BiFunction, List, int, int)} with any round's work (a tournament's: every pairing's cases). */
    static boolean run(CallEngine engine, Round round) throws InterruptedException {
        try {
            for (int i = 0; i < MAX_ROUNDS; i++) {
                round.run(engine.deferring());
                if (!engine.submitDeferred()) return true;
            }
            return true;
        } catch (RunStoppedException stopped) {
            engine.stop();
            return false;
        }
    }
}
