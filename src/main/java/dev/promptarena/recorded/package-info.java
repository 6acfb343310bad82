/** Outputs recorded elsewhere (production logs) read in place of generation calls. */
package dev.promptarena.recorded;
