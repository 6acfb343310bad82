/** The {@code signals} outputs: signals.json, signals.csv, signals-windows.csv and the escaped signals.html. */
package dev.promptarena.report.signals;
