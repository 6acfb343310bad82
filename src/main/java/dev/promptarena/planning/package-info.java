/** Sample-size and minimum-detectable-effect plans ({@code plan}): typed requests and results, pure functions over stats. */
package dev.promptarena.planning;
