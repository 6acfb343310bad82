/** A run: run folder, manifest, the pipelined case runner, resume, interim reports, and the recorded run read back for analysis. */
package dev.promptarena.run;
