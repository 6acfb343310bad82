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
        assertEquals(Set.of(), graph(ROOT).get("stats"), "stats must import no other project package");
    }

    @Test
    void theLowerStagesDoNotReachUp() {
        Map<String, Set<String>> g = graph(ROOT);
        // The pipeline direction in DESIGN.md: the call engine knows nothing of judging, and the
        // decision and analysis never reach the run or the reports that render them.
        assertForbidden(g, "engine", "judge", "run", "analysis", "report", "cli");
        assertForbidden(g, "judge", "run", "analysis", "report", "cli");
        assertForbidden(g, "decision", "analysis", "run", "report", "cli");
        assertForbidden(g, "analysis", "run", "report", "cli");
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

    private static void assertForbidden(Map<String, Set<String>> g, String from, String... targets) {
        Set<String> bad = new TreeSet<>(g.getOrDefault(from, Set.of()));
        bad.retainAll(Set.of(targets));
        assertEquals(Set.of(), bad, from + " must not import these packages");
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
