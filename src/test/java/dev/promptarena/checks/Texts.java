package dev.promptarena.checks;

import java.nio.charset.StandardCharsets;

/** Awkward outputs every check must survive. */
final class Texts {
    private Texts() {}

    /** 5 MB of prose-like text: the size that exposed quadratic or exponential work. */
    static final String HUGE = "lorem ipsum dolor sit amet ".repeat(5_000_000 / 27 + 1);

    /**
     * What a provider's reply looks like after invalid UTF-8 bytes (a truncated multi-byte sequence,
     * a Latin-1 byte, a lone continuation byte) were decoded: U+FFFD replacement characters.
     */
    static final String NON_UTF8 = new String(new byte[] {'o', 'k', ' ', (byte) 0xE2, (byte) 0x82, ' ', (byte) 0xE9, 't', (byte) 0xE9,
            ' ', (byte) 0x80, ' ', 'p', 'o', 'l', 'i', 'c', 'y'}, StandardCharsets.UTF_8);
}
