package dev.promptarena.report.html;

/**
 * An axis tick: pixel position and label.
 *
 * @param x     pixel position
 * @param label the text under the tick
 */
public record Tick(String x, String label) {}
