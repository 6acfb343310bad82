package dev.promptarena.report.markdown;

import dev.promptarena.util.TerminalText;
import java.util.regex.Pattern;

/**
 * Makes untrusted text (model, dataset and judge output, tag values) inert in GitHub-flavoured
 * Markdown: it renders as the same characters, never as a link, image, HTML tag, table cell
 * boundary, code span, heading or @-mention.
 */
public final class MarkdownText {
    /**
     * ZERO WIDTH SPACE, put inside what GitHub would turn into a link or a notification. It renders as nothing, so the
     * reader sees the text as written, but it is a character of its own and breaks every pattern below.
     * Why not an HTML entity (say {@code http&#58;//}): cmark-gfm's autolink extension (extensions/autolink.c) finds
     * {@code www.} and {@code http(s)://}/{@code ftp://} while parsing inlines, on the raw source, so an entity would
     * stop those; but it finds e-mail addresses afterwards, in the text nodes, after entities were decoded and adjacent
     * text merged ({@code cmark_consolidate_text_nodes}), so {@code a&#64;b.com} is still a mailto: link. GitHub's
     * @-mention and #123 filters also run on the decoded text of the rendered HTML. A character survives all of them.
     */
    static final String BREAK = "\u200B";

    private MarkdownText() {}

    /**
     * Escapes one line of text for a paragraph or a table cell. Line breaks become spaces (a newline would end the
     * table row) and terminal escape sequences and other control characters are removed ({@code cat summary.md} must
     * not replay them); HTML-significant characters become entities (GitHub keeps some raw HTML); Markdown punctuation
     * (and a leading list, heading or quote marker) gets a backslash; and a {@link #BREAK} goes inside everything
     * GitHub would make live when the file is posted as a PR comment or step summary: after the {@code :} of
     * {@code scheme://} and the {@code www} of {@code www.} (autolinks), after {@code @} ("@team" would notify people;
     * "a@b.com" would be a mailto: link: cmark-gfm wants a letter or digit right after the {@code @}), after a
     * {@code #} before a digit and the {@code GH} of {@code GH-} before a digit (issue references).
     */
    public static String escape(String text) {
        if (text == null) return "";
        text = TerminalText.plain(LINE_BREAKS.matcher(text).replaceAll(" "));
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '@' -> sb.append('@').append(BREAK);
                case ':' -> sb.append(text.startsWith("//", i + 1) ? ":" + BREAK : ":");
                case '#' -> sb.append(i == 0 ? "\\#" : "#").append(digitAt(text, i + 1) ? BREAK : "");
                // With [ and ] escaped no link or image can form, so ( ) and ! need no escape.
                case '\\', '`', '*', '_', '[', ']', '|', '~', '$' -> sb.append('\\').append(c);
                default -> {
                    if ((c == 'w' || c == 'W') && text.regionMatches(true, i, "www.", 0, 4)) {
                        sb.append(text, i, i + 3).append(BREAK);
                        i += 2; // the '.' comes next
                    } else if ((c == 'g' || c == 'G') && text.regionMatches(true, i, "gh-", 0, 3) && digitAt(text, i + 3)) {
                        sb.append(text, i, i + 2).append(BREAK);
                        i += 1;
                    } else {
                        sb.append(i == 0 && "-+=".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
                    }
                }
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

    /** Every line break Java, Markdown or a browser knows, and the tab: each becomes one space. */
    private static final Pattern LINE_BREAKS = Pattern.compile("\r\n|[\r\n\t\u000B\f\u0085\u2028\u2029]");

    private static boolean digitAt(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }
}
