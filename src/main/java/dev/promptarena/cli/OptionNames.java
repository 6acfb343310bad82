package dev.promptarena.cli;

import java.util.Arrays;
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

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(OptionNames::name).collect(Collectors.joining(", "));
    }
}
