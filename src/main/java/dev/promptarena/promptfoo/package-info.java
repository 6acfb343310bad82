/**
 * {@code prompt-arena import promptfoo}: reads a promptfoo config (prompts, providers, tests, defaultTest,
 * assertions, test files) and writes the equivalent arena config, golden set and rubric, listing every
 * promptfoo feature that has no equivalent here instead of dropping it silently.
 */
package dev.promptarena.promptfoo;
