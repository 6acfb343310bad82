package dev.promptarena.checks;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;

/**
 * Counts tokens with OpenAI's tiktoken encodings (jtokkit; the BPE tables ship inside its jar, so
 * it works offline). Other vendors' tokenizers differ by roughly 10-20%, so token limits are
 * approximate for them; use {@code unit: words} when exactness across vendors matters.
 */
public final class TokenCounter {
    /** Encodings a rubric may name; {@code cl100k_base} (GPT-4, GPT-3.5) is the default. */
    public static final List<String> ENCODINGS = List.of("cl100k_base", "o200k_base");

    // The lazy registry loads an encoding's tables on first use and caches them; it is thread-safe,
    // and holding one per JVM avoids re-reading megabytes of tables per check.
    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private TokenCounter() {}

    /**
     * Tokens in {@code text}. Special-token strings such as {@code <|endoftext|>} are counted as
     * ordinary text because a model's output is text, not control tokens.
     */
    public static int count(String text, String encoding) {
        EncodingType type = EncodingType.fromName(encoding)
                .orElseThrow(() -> new IllegalArgumentException("unknown encoding: " + encoding));
        return REGISTRY.getEncoding(type).countTokensOrdinary(text);
    }

    /** Words as {@link LengthUnit#WORDS} defines them, counted without allocating. */
    public static int words(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) count++;
            inWord = !space;
        }
        return count;
    }
}
