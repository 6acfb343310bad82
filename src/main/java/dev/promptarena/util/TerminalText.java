package dev.promptarena.util;

/**
 * Text from outside (variant names from an event log, ids) made safe to print on a terminal: ANSI escape
 * sequences and every other control character are removed, so a crafted name cannot move the cursor,
 * rewrite earlier lines or change the window title.
 */
public final class TerminalText {
    private TerminalText() {}

    public static String plain(String text) {
        if (text == null) return "";
        // CSI/OSC sequences first (so their parameters do not survive as text), then any remaining C0/C1 control.
        return text.replaceAll("\u001B\\[[0-?]*[ -/]*[@-~]", "").replaceAll("\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?", "")
                .replaceAll("[\\p{Cc}&&[^\\t]]|[\u0080-\u009F]", "");
    }
}
