/**
 * Small helpers with no project dependencies: concurrency, and primitive columns and hash tables for data that must
 * stay flat in memory (the lowest layer: every package may use it).
 */
package dev.promptarena.util;
