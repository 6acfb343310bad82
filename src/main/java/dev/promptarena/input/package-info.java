/** Shared input plumbing: the error type that names file, line and field, YAML nodes with positions, hashing, did-you-mean. */
package dev.promptarena.input;
