/** The JUnit XML report for CI systems. */
package dev.promptarena.report.junit;
