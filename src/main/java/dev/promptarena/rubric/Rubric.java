package dev.promptarena.rubric;

import java.util.List;
import java.util.Objects;

/**
 * The rubric: axes the judge scores and instructions it follows.
 *
 * @param name         rubric name
 * @param instructions judge instructions placed before the axes
 * @param axes         scored axes (at least one)
 * @param sha256       hash of the rubric file (manifest)
 */
public record Rubric(String name, String instructions, List<Axis> axes, String sha256) {
    public Rubric {
        Objects.requireNonNull(name, "name");
        instructions = instructions == null ? "" : instructions;
        axes = List.copyOf(axes);
        if (axes.isEmpty()) throw new IllegalArgumentException("a rubric needs at least one axis");
    }

    public List<String> axisNames() { return axes.stream().map(Axis::name).toList(); }
}
