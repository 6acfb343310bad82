package dev.promptarena.report.html;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON's own escapes plus those of {@link CaseData#scriptSafe}, applied by the JSON writer as it writes: {@code <},
 * {@code >}, {@code &}, U+2028 and U+2029, DEL, the C1 and the bidirectional controls as lower-case {@code \\u}
 * escapes, so no {@code </script>} or {@code <!--} and no raw terminal or bidi control can appear in the page's
 * embedded cases. The same characters as a pass of {@link CaseData#scriptSafe} over the
 * written JSON (which never holds one of them inside an escape), without that pass (CaseDataTest).
 */
final class ScriptSafeEscapes extends CharacterEscapes {
    private final int[] ascii = standardAsciiEscapesForJSON();
    /** The escapes of the characters below U+00A0, made once: {@code <}, {@code >} and {@code &} are common in answers. */
    private final SerializableString[] low = new SerializableString[0xA0];

    ScriptSafeEscapes() {
        for (char c = 0; c < low.length; c++) {
            if (!CaseData.needsEscape(c)) continue;
            low[c] = new SerializedString(CaseData.unicodeEscape(c));
            if (c < ascii.length) ascii[c] = ESCAPE_CUSTOM;
        }
    }

    @Override
    public int[] getEscapeCodesForAscii() { return ascii; }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        // Called for every character beyond ASCII and the ASCII ones marked above.
        if (ch < low.length) return low[ch];
        return ch <= Character.MAX_VALUE && CaseData.needsEscape((char) ch) ? new SerializedString(CaseData.unicodeEscape((char) ch)) : null;
    }
}
