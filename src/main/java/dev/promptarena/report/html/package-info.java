/** The self-contained HTML report: views over the report model and inline SVG charts. */
package dev.promptarena.report.html;
