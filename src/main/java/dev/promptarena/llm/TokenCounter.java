package dev.promptarena.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.Locale;

/**
 * The one place tokens are counted or estimated. Three uses, three precisions:
 * <ul>
 *   <li>{@link #count(String, String)}: exact, with a named OpenAI tiktoken encoding (jtokkit; the BPE
 *       tables ship inside its jar, so it works offline), for {@code unit: tokens} length checks. Other
 *       vendors' tokenizers differ by roughly 10-20%; use {@code unit: words} when exactness across
 *       vendors matters.</li>
 *   <li>{@link #estimate(String, String)}: the dry run's figure, the real BPE when the model's encoding
 *       is known, otherwise characters / 4, and always says which, because a chars/4 figure for a Claude
 *       or Llama model can be off by a fair margin.</li>
 *   <li>{@link #quickInput(LlmRequest)} and {@link #outputCap(LlmRequest)}: chars/4 and max_tokens, for the
 *       tokens-per-minute bucket on every call, where a tokenizer pass would cost more than the estimate is
 *       worth; {@link #worstInput(LlmRequest)} instead of chars/4 for the budget reservation, which must be a
 *       bound, not an average.</li>
 * </ul>
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

    /** Words: maximal runs of non-whitespace (what a {@code unit: words} length check counts), counted without allocating. */
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

    /** A count and how it was made: {@code jtokkit:o200k_base}, {@code jtokkit:cl100k_base} or {@code chars/4}. */
    public record Count(long tokens, String method) {}

    public static final String CHARS_PER_4 = "chars/4";

    /** Tokens of {@code text} for {@code model}: the real BPE for OpenAI model families, else chars/4. */
    public static Count estimate(String model, String text) {
        EncodingType type = typeFor(model == null ? "" : model);
        if (type == null) return new Count((text.length() + 3) / 4, CHARS_PER_4);
        Encoding enc = REGISTRY.getEncoding(type);
        return new Count(enc.countTokensOrdinary(text), "jtokkit:" + enc.getName());
    }

    /** How tokens of {@code model} are counted by {@link #estimate(String, String)}. */
    public static String method(String model) { return estimate(model, "").method(); }

    /** OpenAI model families by prefix (dated snapshots such as gpt-4o-2024-08-06 included). */
    static EncodingType typeFor(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        if (m.contains("/")) m = m.substring(m.lastIndexOf('/') + 1); // openrouter's "openai/gpt-4o"
        for (String p : new String[] {"gpt-4o", "chatgpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "o1", "o3", "o4"}) {
            if (m.startsWith(p)) return EncodingType.O200K_BASE;
        }
        if (m.startsWith("gpt-4") || m.startsWith("gpt-3.5") || m.startsWith("text-embedding")) return EncodingType.CL100K_BASE;
        return null;
    }

    /** chars/4 of the system prompt and messages: the per-call quick estimate of input tokens. */
    public static long quickInput(LlmRequest r) {
        long chars = r.system() == null ? 0 : r.system().length();
        for (ChatMessage m : r.messages()) chars += m.content().length();
        return chars / 4;
    }

    /**
     * Tokens per message the chat format adds around its content (OpenAI: 3-4 plus 3 to prime the reply; Llama 3's
     * template: 5 plus 5), counted once more for the reply's priming.
     */
    static final int FORMAT_TOKENS_PER_MESSAGE = 8;

    /**
     * An upper bound of the input tokens a provider can bill for {@code r}, for the budget's worst case: UTF-8 bytes of
     * the system prompt, the messages and the response schema (byte-level BPE tokenizers emit at least one byte per token;
     * chars/4 is an average, and CJK text or short messages wrapped in the chat format bill several times more) plus the
     * chat format's tokens per message. Text is measured without encoding it, as this runs on every call.
     */
    public static long worstInput(LlmRequest r) {
        long bytes = r.system() == null ? 0 : utf8Bytes(r.system());
        for (ChatMessage m : r.messages()) bytes += utf8Bytes(m.content());
        if (r.responseSchema() != null) bytes += utf8Bytes(r.responseSchema().toString());
        return bytes + (long) FORMAT_TOKENS_PER_MESSAGE * (r.messages().size() + 2);
    }

    private static long utf8Bytes(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3; // a surrogate pair: 4 bytes
        }
        return n;
    }

    /** The output a reservation must assume: max_tokens, or 1024 when unset. */
    public static long outputCap(LlmRequest r) {
        Integer max = r.decoding().maxTokens();
        return max == null ? 1024 : max;
    }
}
