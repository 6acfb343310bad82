package dev.promptarena.promptfoo;

import dev.promptarena.input.InputException;
import dev.promptarena.input.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading promptfoo files: YAML without interpolation, {@code file://} references and simple globs. */
final class Sources {
    /**
     * promptfoo does not interpolate {@code ${VAR}} (it uses Nunjucks' {@code {{env.VAR}}}), so a
     * {@code ${...}} in its config is text to carry over, not something to look up in our environment.
     * YamlNode interpolates through the map it is given; this one answers every name with the placeholder
     * itself.
     */
    private static final Map<String, String> VERBATIM = new AbstractMap<>() {
        @Override public String get(Object key) { return "${" + key + "}"; }
        @Override public Set<Entry<String, String>> entrySet() { return Set.of(); }
    };

    private Sources() {}

    static YamlNode yaml(Path file) { return YamlNode.load(file, VERBATIM); }

    static boolean isFileRef(String text) { return text.startsWith("file://"); }

    /** The path a {@code file://x} (or bare) reference names, relative to {@code base}'s folder. */
    static Path resolve(Path base, String ref) {
        String p = isFileRef(ref) ? ref.substring("file://".length()) : ref;
        return base.toAbsolutePath().getParent().resolve(p).normalize();
    }

    /** The files a reference names: one path, or the matches of a {@code *} glob in its last segment, sorted. */
    static List<Path> expand(YamlNode at, Path base, String ref) {
        Path p = resolve(base, ref);
        String name = p.getFileName().toString();
        if (!name.contains("*")) {
            if (!Files.isRegularFile(p)) throw at.error("file not found: " + p);
            return List.of(p);
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(p.getParent(), name)) {
            ds.forEach(out::add);
        } catch (IOException e) {
            throw at.error("cannot list " + p.getParent() + ": " + e.getMessage());
        }
        if (out.isEmpty()) throw at.error("no file matches " + p);
        out.sort(null);
        return out;
    }

    static String read(Path file) {
        try {
            return dev.promptarena.input.ByteLines.readUtf8(file); // not UTF-8: an InputException naming the line
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + dev.promptarena.util.IoReason.of(e));
        }
    }

    static String extension(Path file) {
        String n = file.getFileName().toString().toLowerCase();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }
}
