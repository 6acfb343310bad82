package dev.promptarena.report.markdown;

/**
 * Makes untrusted text (model, dataset and judge output, tag values) inert in GitHub-flavoured
 * Markdown: it renders as the same characters, never as a link, image, HTML tag, table cell
 * boundary, code span, heading or @-mention.
 */
public final class MarkdownText {
    private MarkdownText() {}

    /**
     * Escapes one line of text for a paragraph or a table cell. Line breaks become spaces (a
     * newline would end the table row), HTML-significant characters become entities (GitHub keeps
     * some raw HTML), Markdown punctuation (and a leading list, heading or quote marker) gets a backslash, and a zero-width space after {@code @}
     * keeps "@team" in a model's answer from notifying anyone when posted as a PR comment.
     */
    public static String escape(String text) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\r', '\n', '\t', '\u2028', '\u2029' -> sb.append(' ');
                case '@' -> sb.append("@\u200B");
                // With [ and ] escaped no link or image can form, so ( ) and ! need no escape.
                case '\\', '`', '*', '_', '[', ']', '|', '~', '$' -> sb.append('\\').append(c);
                default -> sb.append(i == 0 && "-+#=>".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
            }
        }
        return sb.toString();
    }

    /** Escapes and shortens to {@code max} characters (PR comments are limited to 65,536). */
    public static String escape(String text, int max) {
        if (text == null) return "";
        String t = text.strip();
        if (t.length() > max) t = t.substring(0, max - 1) + "…";
        return escape(t);
    }
}
