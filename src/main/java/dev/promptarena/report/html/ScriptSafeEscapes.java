package dev.promptarena.report.html;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON's own escapes plus those of {@link CaseData#scriptSafe}, applied by the JSON writer as it writes: {@code <},
 * {@code >}, {@code &}, U+2028 and U+2029 as lower-case {@code \\u} escapes, so no {@code </script>} or {@code <!--}
 * can appear in the page's embedded cases. The same characters as a pass of {@link CaseData#scriptSafe} over the
 * written JSON (which never holds one of them inside an escape), without that pass (CaseDataTest).
 */
final class ScriptSafeEscapes extends CharacterEscapes {
    private static final SerializableString LT = new SerializedString("\\u003c"), GT = new SerializedString("\\u003e"),
            AMP = new SerializedString("\\u0026"), LS = new SerializedString("\\u2028"), PS = new SerializedString("\\u2029");
    private final int[] ascii = standardAsciiEscapesForJSON();

    ScriptSafeEscapes() {
        ascii['<'] = ESCAPE_CUSTOM;
        ascii['>'] = ESCAPE_CUSTOM;
        ascii['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() { return ascii; }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return switch (ch) {
            case '<' -> LT;
            case '>' -> GT;
            case '&' -> AMP;
            case '\u2028' -> LS;
            case '\u2029' -> PS;
            default -> null;
        };
    }
}
