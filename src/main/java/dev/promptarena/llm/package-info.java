/** Provider clients behind one interface, the registry of wire protocols, presets and token counting. */
package dev.promptarena.llm;
