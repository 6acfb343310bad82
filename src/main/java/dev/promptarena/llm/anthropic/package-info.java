/** The Anthropic Messages wire protocol. */
package dev.promptarena.llm.anthropic;
