package dev.promptarena.similarity;

/** Cosine similarity of two embedding vectors. */
public final class CosineSimilarity {
    private CosineSimilarity() {}

    /**
     * cos(a, b) in [-1, 1], accumulated in double. A zero vector has no direction, so its
     * similarity to anything is defined as 0 rather than NaN.
     */
    public static double of(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("dimensions differ: " + a.length + " vs " + b.length);
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        if (na == 0 || nb == 0) return 0;
        double c = dot / (Math.sqrt(na) * Math.sqrt(nb));
        return Math.max(-1, Math.min(1, c)); // rounding can step just past +-1
    }
}
