package dev.promptarena.input;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that knows where it came from (file, line, dotted key path), so every error a
 * user sees names the file, the line and the field. Reading is explicit: each loader lists the
 * keys it accepts and unknown keys are errors with a did-you-mean.
 */
public final class YamlNode {
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Path file;
    private final String path;
    private final Node node;
    private final Map<String, String> env;

    private YamlNode(Path file, String path, Node node, Map<String, String> env) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.env = env;
    }

    /** Parses a YAML file; {@code env} supplies values for {@code ${VAR}} interpolation. */
    public static YamlNode load(Path file, Map<String, String> env) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node root = new Yaml(options).compose(reader);
            if (root == null) throw new InputException(file, 1, null, "file is empty");
            YamlDuplicates.check(file, root, "");
            return new YamlNode(file, "", root, env);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new InputException(file, line, null, "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            // SnakeYAML wraps a read error of its Reader (a directory, bytes that are not UTF-8) in a YAMLException whose
            // message is the Java exception's class and text: say it in words instead.
            if (e.getCause() instanceof IOException io) throw ReadErrors.of(file, io);
            throw new InputException(file, 0, null, "invalid YAML: " + e.getMessage());
        } catch (IOException e) {
            throw ReadErrors.of(file, e);
        }
    }

    public Path file() { return file; }
    public int line() { return node.getStartMark().getLine() + 1; }
    public String path() { return path; }

    public InputException error(String message) { return new InputException(file, line(), path, message); }

    /**
     * An error at the line of the file that holds what this scalar's {@code text} has at {@code offset}: a block scalar
     * ({@code |}, {@code >}) or a quoted one over several lines starts below or before that line. Found by the run of
     * non-blank characters at {@code offset} (a folded scalar joins lines at blanks, never inside such a run): its
     * earlier occurrences in the text are counted and the same occurrence is looked up in the node's source. The
     * node's own line when the source does not hold the run as written (an escape, an interpolated variable).
     */
    public InputException errorAt(String text, int offset, String message) {
        return new InputException(file, lineOf(text, offset), path, message);
    }

    /** See {@link #errorAt}. */
    int lineOf(String text, int offset) {
        int end = Math.min(offset + 1, text.length());
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) end++;
        if (offset < 0 || offset >= end) return line();
        String run = text.substring(offset, end);
        int earlier = 0;
        for (int i = text.indexOf(run); i >= 0 && i < offset; i = text.indexOf(run, i + 1)) earlier++;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            return line();
        }
        int first = node.getStartMark().getLine(), last = Math.min(node.getEndMark().getLine(), lines.size() - 1);
        for (int n = first; n <= last; n++) {
            String source = lines.get(n);
            int from = n == first ? codePointOffset(source, node.getStartMark().getColumn()) : 0;
            int to = n == node.getEndMark().getLine() ? codePointOffset(source, node.getEndMark().getColumn()) : source.length();
            for (int i = source.indexOf(run, from); i >= 0 && i + run.length() <= to; i = source.indexOf(run, i + 1)) {
                if (earlier-- == 0) return n + 1;
            }
        }
        return line();
    }

    /** SnakeYAML's columns count code points; a String's offsets count chars (an emoji is two). */
    private static int codePointOffset(String line, int column) {
        int points = line.codePointCount(0, line.length());
        return column >= points ? line.length() : line.offsetByCodePoints(0, column);
    }

    private MappingNode mapping() {
        if (node instanceof MappingNode m) return m;
        throw error("expected a mapping (key: value), got " + kind());
    }

    private String kind() {
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        return "a scalar";
    }

    public boolean isMapping() { return node instanceof MappingNode; }
    public boolean isScalar() { return node instanceof ScalarNode; }

    /** Child nodes in document order. */
    public Map<String, YamlNode> entries() {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : mapping().getValue()) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            out.put(key, new YamlNode(file, path.isEmpty() ? key : path + "." + key, t.getValueNode(), env));
        }
        return out;
    }

    /**
     * Fails at its own line on a key of this mapping that is empty or only blanks: used where keys are names (model ids
     * under {@code prices:} and {@code families:}), which an empty key would give to nothing.
     */
    public YamlNode refuseBlankKeys(String what) {
        for (NodeTuple t : mapping().getValue()) {
            if (((ScalarNode) t.getKeyNode()).getValue().isBlank()) {
                throw new InputException(file, t.getKeyNode().getStartMark().getLine() + 1, path, what + " must not be empty");
            }
        }
        return this;
    }

    /** Fails on any key not in {@code allowed}, suggesting the nearest allowed key. */
    public YamlNode allowOnly(String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (NodeTuple t : mapping().getValue()) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            if (!ok.contains(key)) {
                String hint = DidYouMean.nearest(key, Arrays.asList(allowed));
                String childPath = path.isEmpty() ? key : path + "." + key;
                throw new InputException(file, t.getKeyNode().getStartMark().getLine() + 1, childPath,
                        "unknown key" + (hint != null ? " (did you mean '" + hint + "'?)" : "")
                                + "; allowed: " + String.join(", ", allowed));
            }
        }
        return this;
    }

    /** The child at {@code key}, or null when absent or explicitly null. */
    public YamlNode get(String key) {
        YamlNode child = entries().get(key);
        if (child == null || (child.node instanceof ScalarNode s && s.getTag().getValue().endsWith(":null"))) return null;
        return child;
    }

    public YamlNode require(String key) {
        YamlNode child = get(key);
        if (child == null) throw new InputException(file, line(), path.isEmpty() ? key : path + "." + key, "required key is missing");
        return child;
    }

    public List<YamlNode> list() {
        if (!(node instanceof SequenceNode seq)) throw error("expected a list, got " + kind());
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            out.add(new YamlNode(file, path + "[" + i + "]", seq.getValue().get(i), env));
        }
        return out;
    }

    /** The scalar as text, with {@code ${VAR}} and {@code ${VAR:-default}} interpolated. */
    public String text() {
        if (!(node instanceof ScalarNode s)) throw error("expected a single value, got " + kind());
        Matcher m = ENV.matcher(s.getValue());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = env.get(m.group(1));
            if (value == null) value = m.group(2);
            if (value == null) throw error("environment variable " + m.group(1) + " is not set (use ${" + m.group(1) + ":-default} for a default)");
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    public double number() {
        double d;
        try {
            d = Double.parseDouble(text().trim());
        } catch (NumberFormatException e) {
            throw error("expected a number, got '" + text() + "'");
        }
        // Java parses "NaN", which every range check (v < lo || v > hi) lets through.
        if (Double.isNaN(d)) throw error("expected a number, got '" + text() + "'");
        return d;
    }

    /**
     * A whole number, exactly: read as a decimal and not through a double, which above 2^53 rounds (a seed of
     * 9007199254740993 became ...992) and above the long range was cast to Long.MAX_VALUE without a word.
     */
    public long integer() {
        double d = number();
        if (d != Math.rint(d) || Double.isInfinite(d)) throw error("expected a whole number, got '" + text() + "'");
        java.math.BigDecimal exact;
        try {
            exact = new java.math.BigDecimal(text().trim());
        } catch (NumberFormatException notDecimal) { // a form Java's double parser takes and BigDecimal does not ("1d")
            throw error("expected a whole number, got '" + text() + "'");
        }
        // 9007199254740993.5 is whole as a double (it rounds), not as written.
        if (exact.stripTrailingZeros().scale() > 0) throw error("expected a whole number, got '" + text() + "'");
        try {
            return exact.longValueExact();
        } catch (ArithmeticException outOfRange) {
            throw error("must be between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE + ", got " + text().trim());
        }
    }

    public boolean bool() {
        String t = text().trim().toLowerCase();
        if (t.equals("true") || t.equals("yes")) return true;
        if (t.equals("false") || t.equals("no")) return false;
        throw error("expected true or false, got '" + text() + "'");
    }

    /** The scalar, which must be one of {@code choices}. */
    public String oneOf(String... choices) {
        String t = text().trim();
        for (String c : choices) if (c.equals(t)) return t;
        String hint = DidYouMean.nearest(t, Arrays.asList(choices));
        throw error("expected one of " + String.join(", ", choices) + ", got '" + t + "'" + (hint != null ? " (did you mean '" + hint + "'?)" : ""));
    }

    // Convenience accessors for optional children.
    public String text(String key, String fallback) { YamlNode c = get(key); return c == null ? fallback : c.text(); }
    // (An if, not a ternary: "c == null ? fallback : c.number()" would unbox a null fallback.)
    public Double number(String key, Double fallback) { YamlNode c = get(key); if (c == null) return fallback; return c.number(); }
    public Long integer(String key, Long fallback) { YamlNode c = get(key); if (c == null) return fallback; return c.integer(); }
    public Boolean bool(String key, Boolean fallback) { YamlNode c = get(key); if (c == null) return fallback; return c.bool(); }

    /** Resolves a path written in this file relative to the file's folder; it must exist. */
    public Path existingPath() {
        Path p = resolvePath();
        try {
            Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException e) {
            throw error("file not found: " + p);
        } catch (java.io.IOException e) {
            // A path through a file ("notes.txt/cases.jsonl") or a loop of links: Files.exists said "not found" to both.
            throw error("cannot read " + p + ": " + dev.promptarena.util.IoReason.of(e));
        }
        return p;
    }

    public Path resolvePath() {
        Path base = file.toAbsolutePath().getParent();
        return base.resolve(text().trim()).normalize();
    }
}
