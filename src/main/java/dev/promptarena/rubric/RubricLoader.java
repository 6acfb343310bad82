package dev.promptarena.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.promptarena.checks.Check;
import dev.promptarena.checks.CheckParser;
import dev.promptarena.input.Hashing;
import dev.promptarena.input.InputException;
import dev.promptarena.input.YamlNode;
import dev.promptarena.similarity.Embedders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a rubric YAML file, validated like the config (file:line:key errors). */
public final class RubricLoader {
    private final boolean embedderAvailable;

    /** A loader that accepts similarity checks only when the embeddings module is on the classpath. */
    public RubricLoader() { this(Embedders.available(Embedders.defaultLoader())); }

    /** For tests and tools that decide themselves whether an embedder will be supplied. */
    public RubricLoader(boolean embedderAvailable) { this.embedderAvailable = embedderAvailable; }

    public Rubric load(Path file) {
        YamlNode root = YamlNode.load(file, Map.of());
        root.allowOnly("name", "instructions", "axes", "checks");
        List<Axis> axes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        YamlNode axesNode = root.get("axes");
        for (YamlNode a : axesNode == null ? List.<YamlNode>of() : axesNode.list()) {
            a.allowOnly("name", "description", "anchors", "weight");
            String name = a.require("name").text().trim();
            if (!names.add(name.toLowerCase())) throw a.error("duplicate axis name '" + name + "'");
            Map<Integer, String> anchors = new LinkedHashMap<>();
            YamlNode anchorNode = a.require("anchors");
            for (Map.Entry<String, YamlNode> e : anchorNode.entries().entrySet()) {
                if (!List.of("1", "2", "3", "4", "5").contains(e.getKey())) throw e.getValue().error("anchor keys are scores 1 to 5");
                // The judge scores against these words; an empty anchor leaves that score undefined.
                String anchor = e.getValue().text();
                if (anchorNode.get(e.getKey()) == null || anchor.isBlank()) {
                    throw e.getValue().error("the anchor for score " + e.getKey() + " is empty; say what a " + e.getKey() + " means");
                }
                anchors.put(Integer.parseInt(e.getKey()), anchor);
            }
            try {
                axes.add(new Axis(name, a.text("description", ""), anchors, a.number("weight", 1.0)));
            } catch (IllegalArgumentException e) {
                throw a.error(e.getMessage());
            }
        }
        List<Check> checks = checks(root, file, names);
        if (axes.isEmpty() && checks.isEmpty()) {
            throw (axesNode != null ? axesNode : root).error("a rubric needs at least one axis or check");
        }
        try {
            return new Rubric(root.text("name", file.getFileName().toString()), root.text("instructions", ""), axes,
                    Hashing.sha256(Files.readAllBytes(file)), checks);
        } catch (IOException e) {
            throw dev.promptarena.input.ReadErrors.of(file, e);
        }
    }

    private List<Check> checks(YamlNode root, Path file, Set<String> axisNames) {
        YamlNode checksNode = root.get("checks");
        if (checksNode == null) return List.of();
        JsonNode tree;
        try {
            tree = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
        CheckParser parser = new CheckParser(tree, embedderAvailable);
        List<Check> checks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<YamlNode> items = checksNode.list();
        for (int i = 0; i < items.size(); i++) {
            Check c = parser.parse(items.get(i), i);
            // Checks and axes share report columns, so a name may be used once across both.
            String key = c.name().toLowerCase(java.util.Locale.ROOT);
            if (!seen.add(key) || axisNames.contains(key)) {
                throw items.get(i).require("name").error("duplicate name '" + c.name() + "' (check and axis names must be unique)");
            }
            checks.add(c);
        }
        return checks;
    }
}
