package dev.promptarena.similarity.minilm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints embedding throughput (sentences per second) for bench/embeddings.sh. Sentences are
 * generated deterministically (support-answer-like, 12 to 40 words) so runs are comparable.
 * Usage: {@code EmbeddingBench [sentences] [batch]}.
 */
public final class EmbeddingBench {
    private EmbeddingBench() {}

    public static void main(String[] args) {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        String[] words = ("refund policy order shipping days account password reset support ticket customer "
                + "invoice payment card delivery address warranty return label store credit manager").split(" ");
        List<String> sentences = new ArrayList<>();
        long x = 42;
        for (int i = 0; i < total; i++) {
            StringBuilder sb = new StringBuilder("Your");
            int len = 12 + (int) (i % 29);
            for (int w = 0; w < len; w++) {
                x = x * 6364136223846793005L + 1442695040888963407L; // LCG: fixed sequence, no seed to record
                sb.append(' ').append(words[(int) ((x >>> 33) % words.length)]);
            }
            sentences.add(sb.append('.').toString());
        }
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        long t0 = System.nanoTime();
        embedder.embed("warm up: loads the model and JIT-compiles the hot path");
        embedder.embedAll(sentences.subList(0, Math.min(64, total)));
        long t1 = System.nanoTime();
        for (int i = 0; i < total; i += batch) embedder.embedAll(sentences.subList(i, Math.min(total, i + batch)));
        long t2 = System.nanoTime();
        double seconds = (t2 - t1) / 1e9;
        System.out.printf(Locale.ROOT, "model load + warm-up: %.2f s%n", (t1 - t0) / 1e9);
        System.out.printf(Locale.ROOT, "embedded %d sentences (12-40 words, batch %d) in %.2f s: %.1f sentences/s on %d cores%n",
                total, batch, seconds, total / seconds, Runtime.getRuntime().availableProcessors());
    }
}
