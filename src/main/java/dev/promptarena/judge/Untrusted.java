package dev.promptarena.judge;

/**
 * Neutralizes untrusted text (model outputs, dataset fields) before it goes between the judge
 * prompt's {@code <<<...>>>} block markers, so a response cannot close its own block and
 * pose as instructions or as the other response.
 */
public final class Untrusted {
    private Untrusted() {}

    public static String neutralize(String text) {
        if (text == null) return "";
        return text.replace("<<<", "\u2039\u2039\u2039").replace(">>>", "\u203A\u203A\u203A");
    }
}
