package dev.promptarena.promptfoo;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One promptfoo provider as an arena provider entry: the entry's name, its YAML (preset or type, base URL,
 * key variable), the model, and decoding settings from the provider's config (empty when none).
 */
record Target(String label, String providerName, ObjectNode provider, String model, ObjectNode decoding) {}
