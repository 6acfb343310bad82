/** arena.yaml and judge settings read into validated records; every error names file, line and key. */
package dev.promptarena.config;
