/** Pre-registered decision policy, guardrails and the gate: evidence to PASS / FAIL / INCONCLUSIVE / RUN_ERROR. */
package dev.promptarena.decision;
