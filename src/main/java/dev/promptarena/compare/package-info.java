/**
 * {@code prompt-arena compare}: what changed in the results between two finished runs (win-rate and axis
 * deltas with intervals, cases that flipped, new check failures, cost and latency), the pre-registered
 * regression rule, and the compare.json/.md/.html reports.
 */
package dev.promptarena.compare;
