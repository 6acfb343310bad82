package dev.promptarena.promptfoo;

import java.util.List;
import java.util.Map;

/** One promptfoo test after defaultTest merging and list-var expansion: the golden case it becomes. */
record TestCase(String description, Map<String, String> vars, Map<String, String> tags, List<Assertion> asserts, String where) {}
