/** Deterministic rubric checks (regex, contains, JSON, JSON Schema, length, refusal) and similarity checks, evaluated without the judge. */
package dev.promptarena.checks;
