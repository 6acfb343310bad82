/** Writes every report file of a run folder (report.json, CSVs, summary.md, report.html) from one report model. */
package dev.promptarena.report.files;
