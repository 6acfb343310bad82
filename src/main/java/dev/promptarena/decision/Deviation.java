package dev.promptarena.decision;

import java.util.Objects;

/**
 * A way the run departed from its pre-registered design. Only a complete run of the pre-registered design
 * can PASS: an incomplete run or an interim look decides nothing (INCONCLUSIVE), and a run with a changed
 * design may still FAIL but cannot PASS.
 *
 * @param kind   what departed
 * @param detail a plain sentence for every report
 */
public record Deviation(Kind kind, String detail) {
    /** The kinds of departure. */
    public enum Kind {
        /** Not every planned (case, repeat) was judged: budget, Ctrl-C, kill. The outcome is INCONCLUSIVE. */
        INCOMPLETE,
        /** A report written while the run is still going: interim — not a decision. */
        INTERIM,
        /**
         * One shard of a sharded run ({@code run --shard K/N}): a hash-chosen part of the cases, so its gate is not the
         * run's. The outcome is INCONCLUSIVE; {@code merge} of all shards decides.
         */
        SHARD,
        /** A setting of the design replaced on the command line (e.g. {@code --seed}): cannot PASS. */
        DESIGN_CHANGED
    }

    public Deviation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** True when the run's evidence cannot decide at all (incomplete or interim). */
    public boolean decidesNothing() { return kind != Kind.DESIGN_CHANGED; }
}
