/**
 * After the offline gate: stable assignment and the sample-ratio check, canary plans and the window-by-window guardrail
 * monitor, implicit-feedback signals, Thompson allocation, and the online judge's traces and windows (batch jobs over
 * exported files; no server).
 */
package dev.promptarena.canary;
