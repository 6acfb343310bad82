package dev.promptarena.cli;

import dev.promptarena.planning.PlanRequest;
import picocli.CommandLine.Option;

/** The options of {@code plan sequential} (a picocli argument group, so they show under their own heading). */
final class PlanSequential {
    @Option(names = "--looks", defaultValue = "4", description = "sequential: number of equally spaced looks, or the fractions, e.g. 0.25,0.5,0.75,1 (default: ${DEFAULT-VALUE}).")
    String looks = "4";

    @Option(names = "--spending", defaultValue = "obrien_fleming", description = "sequential: alpha spending, obrien_fleming or pocock (Lan-DeMets; default: ${DEFAULT-VALUE}).")
    String spending = "obrien_fleming";

    @Option(names = "--futility", defaultValue = "none", description = "sequential: non-binding futility by beta spending: none, obrien_fleming or pocock (default: ${DEFAULT-VALUE}).")
    String futility = "none";

    PlanRequest.SequentialOptions options() { return new PlanRequest.SequentialOptions(looks, spending, futility); }
}
