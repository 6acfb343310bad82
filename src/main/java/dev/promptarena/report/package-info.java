/** Renders a recorded run and its analysis: CSV, JSON and the terminal summary; never computes statistics. */
package dev.promptarena.report;
