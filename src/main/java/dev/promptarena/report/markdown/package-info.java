/** The Markdown summary (summary.md) for pull requests. */
package dev.promptarena.report.markdown;
