package dev.promptarena.checks;

import dev.promptarena.input.InputException;
import dev.promptarena.similarity.CosineSimilarity;
import dev.promptarena.similarity.Embedder;
import dev.promptarena.similarity.Embedders;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates a rubric's checks on responses. Deterministic checks need only the text; similarity
 * checks embed the outputs and the case's reference in one batch, so a pair (A, B) costs three
 * embeddings, not four. Thread-safe when the {@link Embedder} is.
 */
public final class CheckRunner {
    /**
     * Characters of an output or reference that are embedded. MiniLM reads 256 word pieces per window
     * and longer texts are averaged over windows, so a 5 MB output would cost thousands of model calls
     * while telling little more about meaning than its opening; 8,000 characters is about 2,000 tokens.
     */
    public static final int MAX_EMBED_CHARS = 8_000;

    private final List<Check> checks;
    private final Embedder embedder;

    /**
     * @param checks   the rubric's checks, in rubric order (the runner takes the list, not the rubric,
     *                 so that checks sit below rubric in the package graph)
     * @param embedder the embedding model; required when {@link #needsEmbedder(List)}, else may be null
     */
    public CheckRunner(List<Check> checks, Embedder embedder) {
        this.checks = List.copyOf(checks);
        if (needsEmbedder(checks) && embedder == null) throw new IllegalArgumentException("rubric has similarity checks but no embedder was given");
        this.embedder = embedder;
    }

    /** True when some check needs an embedding model (and so the optional embeddings module). */
    public static boolean needsEmbedder(List<Check> checks) { return checks.stream().anyMatch(c -> c instanceof SimilarityCheck); }

    /** A runner for the checks of rubric {@code rubricName} that finds the embedder with {@link java.util.ServiceLoader} when needed. */
    public static CheckRunner forChecks(String rubricName, List<Check> checks) { return forChecks(rubricName, checks, Embedders.defaultLoader()); }

    /**
     * As {@link #forChecks(String, List)}, searching {@code loader}.
     *
     * @throws InputException (exit 2) saying how to enable the module when none is found
     */
    public static CheckRunner forChecks(String rubricName, List<Check> checks, ClassLoader loader) {
        if (!needsEmbedder(checks)) return new CheckRunner(checks, null);
        Embedder e = Embedders.discover(loader)
                .orElseThrow(() -> new InputException(null, 0, "rubric " + rubricName, Embedders.HOW_TO_ENABLE));
        return new CheckRunner(checks, e);
    }

    /** The checks evaluated, in rubric order. */
    public List<Check> checks() { return checks; }

    /** The embedding model in use, or null when no check needs one (for the run manifest). */
    public Embedder embedder() { return embedder; }

    /** Checks one response; {@code reference} is the case's golden answer or null. */
    public CheckReport evaluate(String output, String reference) {
        return evaluateAll(List.of(Objects.requireNonNullElse(output, "")), reference).get(0);
    }

    /** Checks several responses to the same case (variants A and B), sharing the reference embedding. */
    public List<CheckReport> evaluateAll(List<String> outputs, String reference) {
        List<Double> similarities = similarities(outputs, reference);
        List<CheckReport> reports = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            String output = Objects.requireNonNullElse(outputs.get(i), "");
            Double similarity = similarities == null ? null : similarities.get(i);
            List<CheckResult> results = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (Check c : checks) {
                if (c instanceof TextCheck t) {
                    results.add(safely(t, output));
                } else if (c instanceof SimilarityCheck s) {
                    if (similarity == null) skipped.add(s.name());
                    else results.add(s.evaluate(similarity));
                }
            }
            reports.add(new CheckReport(results, skipped, similarity));
        }
        return reports;
    }

    // TextCheck promises not to throw; this keeps one bug in a check from aborting a whole run.
    private static CheckResult safely(TextCheck check, String output) {
        try {
            return check.evaluate(output);
        } catch (RuntimeException e) {
            return CheckResult.fail(check.name(), "not evaluated: " + e);
        }
    }

    /** Cosine similarity per output, or null when there is no similarity check or no reference. */
    private List<Double> similarities(List<String> outputs, String reference) {
        if (embedder == null || reference == null || reference.isBlank()) return null;
        List<String> texts = new ArrayList<>();
        texts.add(clip(reference));
        List<Integer> slot = new ArrayList<>();
        for (String o : outputs) {
            // Blank output has no meaning to compare; define its similarity as 0 without asking the model.
            if (o == null || o.isBlank()) { slot.add(-1); continue; }
            slot.add(texts.size());
            texts.add(clip(o));
        }
        List<float[]> vectors = embedder.embedAll(texts);
        if (vectors.size() != texts.size()) throw new IllegalStateException("embedder returned " + vectors.size() + " vectors for " + texts.size() + " texts");
        List<Double> out = new ArrayList<>();
        for (int s : slot) out.add(s < 0 ? 0.0 : CosineSimilarity.of(vectors.get(s), vectors.get(0)));
        return out;
    }

    private static String clip(String text) {
        if (text.length() <= MAX_EMBED_CHARS) return text;
        int end = MAX_EMBED_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--; // never split a surrogate pair
        return text.substring(0, end);
    }
}
