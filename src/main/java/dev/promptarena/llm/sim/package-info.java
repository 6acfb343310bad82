/** The deterministic offline simulator (generator and judge) used by the bundled example and the tests. */
package dev.promptarena.llm.sim;
