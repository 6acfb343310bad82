package dev.promptarena.util;

/**
 * The Unicode bidirectional embedding, override and isolate characters: LRE, RLE, PDF, LRO, RLO (U+202A-U+202E) and
 * LRI, RLI, FSI, PDI (U+2066-U+2069). Invisible, they reorder how the text after them is displayed ("Trojan Source",
 * CVE-2021-42574), so untrusted text is shown without them ({@link TerminalText}) or with each replaced (CSV).
 */
public final class BidiControls {
    /** A regular-expression character class of them. */
    public static final String CLASS = "[\u202A-\u202E\u2066-\u2069]";

    private BidiControls() {}

    public static boolean is(char c) { return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'); }
}
