package dev.promptarena.cli;

import dev.promptarena.planning.PlanRequest;
import dev.promptarena.stats.sequential.Spending;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of {@code plan sequential} (a picocli argument group, so they show under their own heading). */
final class PlanSequential {
    @Option(names = "--looks", defaultValue = "4", description = "sequential: number of equally spaced looks, or the fractions, e.g. 0.25,0.5,0.75,1 (default: ${DEFAULT-VALUE}).")
    String looks = "4";

    @Option(names = "--spending", defaultValue = "obrien_fleming", converter = SpendingConverter.class,
            completionCandidates = OptionNames.SpendingNames.class,
            description = "sequential: alpha spending, obrien_fleming or pocock (Lan-DeMets; default: ${DEFAULT-VALUE}).")
    Spending spending = Spending.OBRIEN_FLEMING;

    /** Null: no futility stops. */
    @Option(names = "--futility", defaultValue = "none", converter = FutilityConverter.class,
            completionCandidates = OptionNames.FutilityNames.class,
            description = "sequential: non-binding futility by beta spending: none, obrien_fleming or pocock (default: ${DEFAULT-VALUE}).")
    Spending futility;

    PlanRequest.SequentialOptions options() { return new PlanRequest.SequentialOptions(looks, spending, futility); }

    /** The config's spelling (obrien_fleming, pocock), in any case. */
    static final class SpendingConverter implements CommandLine.ITypeConverter<Spending> {
        @Override
        public Spending convert(String value) {
            for (Spending s : Spending.values()) if (s.key().equalsIgnoreCase(value.strip())) return s;
            throw new CommandLine.TypeConversionException("expected one of obrien_fleming, pocock, got '" + value + "'");
        }
    }

    /** As {@link SpendingConverter}, or none. */
    static final class FutilityConverter implements CommandLine.ITypeConverter<Spending> {
        @Override
        public Spending convert(String value) {
            if (value.strip().equalsIgnoreCase("none")) return null;
            for (Spending s : Spending.values()) if (s.key().equalsIgnoreCase(value.strip())) return s;
            throw new CommandLine.TypeConversionException("expected one of none, obrien_fleming, pocock, got '" + value + "'");
        }
    }
}
