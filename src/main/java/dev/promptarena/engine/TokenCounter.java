package dev.promptarena.engine;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts prompt tokens: with OpenAI's real BPE (jtokkit) when the model's encoding is known,
 * otherwise as characters / 4 — and always says which, because a chars/4 figure for a
 * Claude or Llama model can be off by a fair margin. The registry loads lazily: only a dry
 * run pays for the vocabulary tables.
 */
public final class TokenCounter {
    /** A count and how it was made: {@code jtokkit:o200k_base}, {@code jtokkit:cl100k_base} or {@code chars/4}. */
    public record Count(long tokens, String method) {}

    public static final String CHARS_PER_4 = "chars/4";

    private EncodingRegistry registry;
    private final Map<String, Optional<Encoding>> byModel = new ConcurrentHashMap<>();

    public Count count(String model, String text) {
        Optional<Encoding> enc = byModel.computeIfAbsent(model == null ? "" : model, this::encodingFor);
        if (enc.isEmpty()) return new Count((text.length() + 3) / 4, CHARS_PER_4);
        return new Count(enc.get().countTokensOrdinary(text), "jtokkit:" + enc.get().getName());
    }

    /** How tokens of {@code model} are counted. */
    public String method(String model) { return count(model, "").method(); }

    private Optional<Encoding> encodingFor(String model) {
        EncodingType type = typeFor(model);
        return type == null ? Optional.empty() : Optional.of(registry().getEncoding(type));
    }

    /** OpenAI model families by prefix (dated snapshots such as gpt-4o-2024-08-06 included). */
    static EncodingType typeFor(String model) {
        String m = model.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("/")) m = m.substring(m.lastIndexOf('/') + 1); // openrouter's "openai/gpt-4o"
        for (String p : new String[] {"gpt-4o", "chatgpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "o1", "o3", "o4"}) {
            if (m.startsWith(p)) return EncodingType.O200K_BASE;
        }
        if (m.startsWith("gpt-4") || m.startsWith("gpt-3.5") || m.startsWith("text-embedding")) return EncodingType.CL100K_BASE;
        return null;
    }

    private synchronized EncodingRegistry registry() {
        if (registry == null) registry = Encodings.newLazyEncodingRegistry();
        return registry;
    }
}
