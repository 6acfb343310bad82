package dev.promptarena.cli;

import dev.promptarena.engine.RepeatedSends;
import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code merge}'s note on requests more than one shard sent: identical cases (the same rendered prompts, or the same pair
 * shown to the judge) in different shards are each sent by their shard, which a single machine sends once and serves the
 * other case from. engine.json adds the shards' counters, so it counts every send, as billed; the note says how much of it
 * a single machine would not have paid, so the merged cost is not mistaken for the single run's (docs/ci.md).
 */
final class RepeatedSendsNote {
    private RepeatedSendsNote() {}

    static void print(RepeatedSends.Summary s, PrintStream err) {
        if (s.requests() == 0) return;
        err.println(String.format(Locale.ROOT, "note: %d request%s (identical cases in different shards) %s sent by more than one shard: %d"
                        + " send%s more than a single machine makes, $%.4f of engine.json's cost; those cases carry their own shard's"
                        + " answer, where a single machine serves them one (docs/ci.md)",
                s.requests(), s.requests() == 1 ? "" : "s", s.requests() == 1 ? "was" : "were", s.extraSends(),
                s.extraSends() == 1 ? "" : "s", s.extraUsd()));
    }
}
