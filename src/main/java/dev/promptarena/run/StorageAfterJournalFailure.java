package dev.promptarena.run;

import dev.promptarena.engine.CallEngine;
import dev.promptarena.util.IoReason;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Writes of a run folder once the journal could not be written (a full disk, usually): the other files may not fit
 * either, so what fits is written and the rest is a one-line warning, and the run ends with the journal's reason (the
 * one that matters for resuming: exit 4, no stack trace). Before the journal failed, a failed write is an error as usual.
 */
record StorageAfterJournalFailure(CallEngine calls, PrintStream err) {
    /** A write of a run file. */
    interface Write { void run() throws InterruptedException; }

    void write(Write write) throws InterruptedException {
        try {
            write.run();
        } catch (UncheckedIOException e) {
            if (calls.journalFailure() == null) throw e;
            err.println("warning: " + e.getMessage() + ": " + IoReason.of(e));
        }
    }
}
