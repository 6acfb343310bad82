package dev.promptarena.rubric;

import java.util.Map;
import java.util.Objects;

/**
 * One rubric axis scored 1 to 5 by the judge.
 *
 * @param name        e.g. "Clarity"
 * @param description what the axis measures
 * @param anchors     what scores 1, 3 and 5 mean
 * @param weight      relative weight (default 1)
 */
public record Axis(String name, String description, Map<Integer, String> anchors, double weight) {
    public Axis {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("axis name must not be blank");
        anchors = Map.copyOf(anchors);
        for (int k : new int[] {1, 3, 5}) {
            if (!anchors.containsKey(k)) throw new IllegalArgumentException("axis '" + name + "' needs an anchor for score " + k);
        }
        if (!(weight > 0)) throw new IllegalArgumentException("weight must be > 0, got: " + weight);
    }
}
