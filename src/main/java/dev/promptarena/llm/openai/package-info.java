/** The OpenAI-compatible chat-completions wire protocol. */
package dev.promptarena.llm.openai;
