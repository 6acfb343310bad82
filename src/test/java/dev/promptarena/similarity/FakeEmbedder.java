package dev.promptarena.similarity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bag-of-letters embedder: each text becomes its a-z letter counts. Texts sharing letters are
 * similar, which is all the core logic needs; it also records what it was asked to embed.
 */
public final class FakeEmbedder implements Embedder {
    public final List<List<String>> calls = new ArrayList<>();

    @Override
    public String modelId() { return "fake-letters"; }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        calls.add(List.copyOf(texts));
        List<float[]> out = new ArrayList<>();
        for (String t : texts) {
            float[] v = new float[26];
            for (char c : t.toLowerCase(Locale.ROOT).toCharArray()) if (c >= 'a' && c <= 'z') v[c - 'a']++;
            out.add(v);
        }
        return out;
    }
}
