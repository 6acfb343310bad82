/** The golden set: JSONL cases and the user-message template. */
package dev.promptarena.dataset;
