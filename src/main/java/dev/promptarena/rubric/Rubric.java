package dev.promptarena.rubric;

import dev.promptarena.checks.Check;
import dev.promptarena.checks.CheckRunner;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rubric: axes the judge scores, instructions it follows, and deterministic checks evaluated
 * without any model (docs/checks.md).
 *
 * @param name         rubric name
 * @param instructions judge instructions placed before the axes
 * @param axes         scored axes (may be empty when there are checks)
 * @param sha256       hash of the rubric file (manifest)
 * @param checks       model-free checks, in rubric order (empty when the rubric has none)
 */
public record Rubric(String name, String instructions, List<Axis> axes, String sha256, List<Check> checks) {
    public Rubric {
        Objects.requireNonNull(name, "name");
        instructions = instructions == null ? "" : instructions;
        axes = List.copyOf(axes);
        checks = checks == null ? List.of() : List.copyOf(checks);
        if (axes.isEmpty() && checks.isEmpty()) throw new IllegalArgumentException("a rubric needs at least one axis or check");
        Set<String> names = new HashSet<>();
        for (Check c : checks) {
            if (!names.add(c.name())) throw new IllegalArgumentException("duplicate check name '" + c.name() + "'");
        }
    }

    /** A rubric with judge axes only, as before checks existed. */
    public Rubric(String name, String instructions, List<Axis> axes, String sha256) {
        this(name, instructions, axes, sha256, List.of());
    }

    public List<String> axisNames() { return axes.stream().map(Axis::name).toList(); }

    public List<String> checkNames() { return checks.stream().map(Check::name).toList(); }

    /** True when some check needs an embedding model (and so the optional embeddings module). */
    public boolean needsEmbedder() { return CheckRunner.needsEmbedder(checks); }

    /** True when the judge has something to score; a checks-only rubric needs no judge call. */
    public boolean hasAxes() { return !axes.isEmpty(); }
}
