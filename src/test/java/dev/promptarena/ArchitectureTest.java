package dev.promptarena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The top-level packages of the main code depend one way (docs/architecture.md). The graph is read
 * from the {@code import} lines of src/main/java, so the check needs no dependency and runs in
 * milliseconds; a cycle fails the build with the packages named in order.
 */
class ArchitectureTest {
    private static final Path ROOT = Path.of("src/main/java/dev/promptarena");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?dev\\.promptarena\\.([a-z0-9_]+)[.;]", Pattern.MULTILINE);

    @Test
    void topLevelPackagesFormNoCycle() {
        Map<String, Set<String>> graph = graph(ROOT);
        assertTrue(graph.size() > 10, "expected the project's packages under " + ROOT.toAbsolutePath() + ", found " + graph.keySet());
        List<String> cycle = findCycle(graph);
        assertTrue(cycle.isEmpty(), "package cycle: " + String.join(" -> ", cycle) + " (see docs/architecture.md for the allowed direction)");
    }

    @Test
    void statsIsPureNumerics() {
        // util's primitive columns (StringColumn, CompactColumn) are the one project package stats may use.
        Set<String> imported = new TreeSet<>(graph(ROOT).get("stats"));
        imported.remove("util");
        assertEquals(Set.of(), imported, "stats must import no other project package than util");
    }

    /** docs/architecture.md's layers, top first: a package may import only packages of lower layers. */
    private static final List<List<String>> LAYERS = List.of(
            List.of("cli"),
            List.of("compare", "history"),
            List.of("report", "planning", "calibration"),
            List.of("run"),
            List.of("judge", "analysis", "recorded", "canary"),
            List.of("engine"),
            List.of("config", "promptfoo"),
            List.of("rubric", "dataset"),
            List.of("checks", "decision"),
            List.of("llm"),
            List.of("input", "similarity", "stats"),
            List.of("util"));

    @Test
    void layersPointDown() {
        Map<String, Integer> layer = new TreeMap<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            for (String p : LAYERS.get(i)) layer.put(p, i);
        }
        List<String> upward = new ArrayList<>();
        graph(ROOT).forEach((from, targets) -> targets.forEach(to -> {
            Integer a = layer.get(from), b = layer.get(to);
            if (a != null && b != null && b <= a) upward.add(from + " -> " + to);
        }));
        assertEquals(List.of(), upward, "imports that do not point to a lower layer of docs/architecture.md");
    }

    @Test
    void everyPackageSaysWhatBelongsThere() throws IOException {
        try (Stream<Path> dirs = Files.walk(ROOT)) {
            List<Path> missing = dirs.filter(Files::isDirectory).filter(d -> !d.equals(ROOT)).filter(ArchitectureTest::hasJava)
                    .filter(d -> !Files.exists(d.resolve("package-info.java"))).toList();
            assertEquals(List.of(), missing, "packages without package-info.java");
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void cycleFinderNamesTheCircle() {
        // The checker itself must be able to fail: a hand-made graph with a three-package circle.
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("a", Set.of("b"));
        g.put("b", Set.of("c", "d"));
        g.put("c", Set.of("a"));
        g.put("d", Set.of());
        assertEquals(List.of("a", "b", "c", "a"), findCycle(g));
        g.put("c", Set.of("d"));
        assertEquals(List.of(), findCycle(g));
    }

    /** Top-level package to the top-level packages its files import (self-edges dropped). */
    static Map<String, Set<String>> graph(Path root) {
        Map<String, Set<String>> g = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = root.relativize(f);
                if (rel.getNameCount() < 2) continue;
                String top = rel.getName(0).toString();
                Set<String> out = g.computeIfAbsent(top, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals(top)) out.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }

    /** One cycle as a closed path (first node repeated at the end), or empty when the graph is acyclic. */
    static List<String> findCycle(Map<String, Set<String>> g) {
        Map<String, Integer> state = new TreeMap<>(); // absent: unvisited, 1: on the path, 2: done
        for (String start : g.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> cycle = visit(start, g, state, path);
            if (!cycle.isEmpty()) return cycle;
        }
        return List.of();
    }

    private static List<String> visit(String v, Map<String, Set<String>> g, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(v);
        if (s != null && s == 2) return List.of();
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(v), path.size()));
            cycle.add(v);
            return cycle;
        }
        state.put(v, 1);
        path.add(v);
        for (String w : new TreeSet<>(g.getOrDefault(v, Set.of()))) {
            List<String> c = visit(w, g, state, path);
            if (!c.isEmpty()) return c;
        }
        path.remove(path.size() - 1);
        state.put(v, 2);
        return List.of();
    }
}
