/**
 * Sequential testing numerics (issue 16): Lan–DeMets spending, group-sequential boundaries by recursive
 * numerical integration, looks, stage-wise estimates and an anytime-valid confidence sequence. Pure
 * functions over {@code stats}; below {@code decision}, which registers a design, and {@code planning}, which sizes one.
 */
package dev.promptarena.stats.sequential;
