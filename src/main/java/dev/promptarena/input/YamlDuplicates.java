package dev.promptarena.input;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Rejects a key given twice in one mapping. SnakeYAML's own check runs only when constructing Java
 * objects, not on the composed node tree we read, so a second {@code judge.seed} or {@code variants.B}
 * would silently win and change a pre-registered decision.
 */
final class YamlDuplicates {
    private YamlDuplicates() {}

    static void check(Path file, Node node, String path) {
        if (node instanceof MappingNode m) {
            Map<String, Integer> seen = new HashMap<>();
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                String child = key == null ? path : path.isEmpty() ? key : path + "." + key;
                if (key != null) {
                    int line = t.getKeyNode().getStartMark().getLine() + 1;
                    Integer first = seen.putIfAbsent(key, line);
                    if (first != null) {
                        throw new InputException(file, line, child, "duplicate key '" + key + "': first given on line " + first
                                + ", again on line " + line + "; keep one");
                    }
                }
                check(file, t.getValueNode(), child);
            }
        } else if (node instanceof SequenceNode s) {
            for (int i = 0; i < s.getValue().size(); i++) check(file, s.getValue().get(i), path + "[" + i + "]");
        }
    }
}
