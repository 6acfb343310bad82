/** {@code prompt-arena runs}: the run folders under a parent, listed, and index.html with each arena's trend. */
package dev.promptarena.history;
