/** Command line: one picocli command per file and the exit-code enum; commands parse options and call the packages below. */
package dev.promptarena.cli;
