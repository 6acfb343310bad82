/** Embedding models (optional module) and cosine similarity. */
package dev.promptarena.similarity;
