/** The online judge's outputs ({@code score}): scores.jsonl, scores.csv, score-windows.csv, score-summary.json. */
package dev.promptarena.report.online;
