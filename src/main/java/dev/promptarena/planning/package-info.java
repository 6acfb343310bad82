/** Sample-size, minimum-detectable-effect and sequential-design plans ({@code plan}): typed requests and results, pure functions over stats. */
package dev.promptarena.planning;
