/** The pairwise judge: prompt, balanced presentation order, verdict parsing and repair, panels, the reference judge. */
package dev.promptarena.judge;
