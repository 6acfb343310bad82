package dev.promptarena.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.promptarena.run.RunDirectory;
import dev.promptarena.util.BidiControls;
import java.util.Locale;

/**
 * JSON for standard output, which is often a terminal. JSON escapes the C0 controls (ESC included) but writes DEL, the
 * C1 controls (U+009B starts a terminal sequence as ESC [ does; U+0085 is a line break) and the bidirectional
 * controls ({@link BidiControls}) as they are, so a case id or labeller name from a labels file could drive the
 * terminal or reorder the line. Here they are {@code \\u} escapes too; a JSON reader gets the same text back.
 */
final class TerminalJson {
    private TerminalJson() {}

    static String write(Object value) throws JsonProcessingException {
        return RunDirectory.JSON.writer().with(new Escapes()).writeValueAsString(value);
    }

    private static final class Escapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        Escapes() { ascii[0x7F] = ESCAPE_STANDARD; }

        @Override
        public int[] getEscapeCodesForAscii() { return ascii; }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            boolean control = (ch >= 0x80 && ch <= 0x9F) || (ch <= Character.MAX_VALUE && BidiControls.is((char) ch));
            return control ? new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch)) : null;
        }
    }
}
