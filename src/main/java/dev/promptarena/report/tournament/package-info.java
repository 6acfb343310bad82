/** Renders a tournament's analysis: ranking.csv, pairs.csv, a Markdown summary and an HTML page with inline SVG. */
package dev.promptarena.report.tournament;
