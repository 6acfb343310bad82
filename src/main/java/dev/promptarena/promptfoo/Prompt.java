package dev.promptarena.promptfoo;

/** One promptfoo prompt as a variant's system text (may be null) and user template. */
record Prompt(String label, String system, String user) {}
