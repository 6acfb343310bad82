package dev.promptarena.util;

import java.util.regex.Pattern;

/**
 * Text from outside (variant names from an event log, ids, model output) made safe to print on a terminal: ANSI escape
 * sequences and every other control character are removed, so a crafted name cannot move the cursor, rewrite earlier
 * lines or change the window title; and so are the bidirectional embedding, override and isolate characters
 * (U+202A-U+202E, U+2066-U+2069, "Trojan Source", CVE-2021-42574), which make a line display in another order than its
 * characters, so what a reader sees is what it holds.
 */
public final class TerminalText {
    // CSI and OSC sequences are removed first, so their parameters do not survive as text.
    private static final Pattern SEQUENCES = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?");
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}&&[^\\t]]|[\u0080-\u009F]|" + BidiControls.CLASS);
    private static final Pattern CONTROLS_BUT_LINE_FEED = Pattern.compile("[\\p{Cc}&&[^\\t\\n]]|[\u0080-\u009F]|" + BidiControls.CLASS);
    private static final Pattern CARRIAGE_RETURNS = Pattern.compile("\r\n?");

    private TerminalText() {}

    /** One line: sequences, control characters (tab kept) and bidirectional controls removed. */
    public static String plain(String text) {
        if (text == null) return "";
        return CONTROLS.matcher(SEQUENCES.matcher(text).replaceAll("")).replaceAll("");
    }

    /**
     * As {@link #plain}, keeping the lines: for text shown whole (a model's answer on a page for labellers). A carriage
     * return becomes a line feed, since alone it sends a terminal's cursor back over the line it ends.
     */
    public static String lines(String text) {
        if (text == null) return "";
        String s = SEQUENCES.matcher(text).replaceAll("");
        return CONTROLS_BUT_LINE_FEED.matcher(CARRIAGE_RETURNS.matcher(s).replaceAll("\n")).replaceAll("");
    }
}
