package dev.promptarena.cli;

import dev.promptarena.calibration.CalibrationResult;
import dev.promptarena.calibration.LabelSheet;
import dev.promptarena.stats.sequential.Spending;
import dev.promptarena.stats.tournament.Schedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Enum option values in the spelling the docs and help use: lower case, words joined by '-' ({@code lower-bound} for
 * {@code LOWER_BOUND}); any case and '_' are accepted too. picocli then refuses a wrong value while parsing (one
 * {@code error:} line, exit 2) and DocsCommandsTest can check the values the docs show.
 */
final class OptionNames {
    private OptionNames() {}

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip().replace('-', '_'))) return e;
        }
        throw new CommandLine.TypeConversionException("expected one of " + names(type) + ", got '" + value + "'");
    }

    static String name(Enum<?> e) { return e.name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    private static String names(Class<? extends Enum<?>> type) { return String.join(", ", spellings(type)); }

    static List<String> spellings(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(OptionNames::name).collect(Collectors.toList());
    }

    /**
     * The values shell completion offers, in the spelling the docs use: picocli would offer an enum's constant names
     * ({@code LOWER_BOUND}). picocli instantiates these with no arguments and iterates them.
     */
    static final class RuleNames extends ArrayList<String> {
        RuleNames() { super(spellings(CalibrationResult.Rule.class)); }
    }

    static final class StrategyNames extends ArrayList<String> {
        StrategyNames() { super(spellings(LabelSheet.Strategy.class)); }
    }

    /** The config's spelling (round_robin), which {@code PlanCommand.ScheduleConverter} reads. */
    static final class ScheduleNames extends ArrayList<String> {
        ScheduleNames() { super(Arrays.stream(Schedule.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList()); }
    }

    static final class SpendingNames extends ArrayList<String> {
        SpendingNames() { super(Arrays.stream(Spending.values()).map(Spending::key).toList()); }
    }

    static final class FutilityNames extends ArrayList<String> {
        FutilityNames() {
            add("none");
            addAll(new SpendingNames());
        }
    }
}
