package dev.promptarena.rubric;

import dev.promptarena.config.Hashing;
import dev.promptarena.config.InputException;
import dev.promptarena.config.YamlNode;
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
    public Rubric load(Path file) {
        YamlNode root = YamlNode.load(file, Map.of());
        root.allowOnly("name", "instructions", "axes");
        List<Axis> axes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode a : root.require("axes").list()) {
            a.allowOnly("name", "description", "anchors", "weight");
            String name = a.require("name").text().trim();
            if (!names.add(name.toLowerCase())) throw a.error("duplicate axis name '" + name + "'");
            Map<Integer, String> anchors = new LinkedHashMap<>();
            YamlNode anchorNode = a.require("anchors");
            for (Map.Entry<String, YamlNode> e : anchorNode.entries().entrySet()) {
                if (!List.of("1", "2", "3", "4", "5").contains(e.getKey())) throw e.getValue().error("anchor keys are scores 1 to 5");
                anchors.put(Integer.parseInt(e.getKey()), e.getValue().text());
            }
            try {
                axes.add(new Axis(name, a.text("description", ""), anchors, a.number("weight", 1.0)));
            } catch (IllegalArgumentException e) {
                throw a.error(e.getMessage());
            }
        }
        if (axes.isEmpty()) throw root.require("axes").error("a rubric needs at least one axis");
        try {
            return new Rubric(root.text("name", file.getFileName().toString()), root.text("instructions", ""), axes,
                    Hashing.sha256(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
    }
}
