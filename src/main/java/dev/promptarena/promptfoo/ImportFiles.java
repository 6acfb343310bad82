package dev.promptarena.promptfoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.promptarena.input.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an import's three files. None may exist already: all are checked before the first is written,
 * each is created with CREATE_NEW (so a file appearing meanwhile is not overwritten either), and files
 * already written are removed again when a later one fails.
 */
public final class ImportFiles {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private ImportFiles() {}

    /** The golden set's and rubric's paths beside {@code arena}: {@code x.yaml} -> {@code x.golden.jsonl}, {@code x.rubric.yaml}. */
    public static Path sibling(Path arena, String suffix) {
        String n = arena.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return arena.resolveSibling(n + suffix);
    }

    /** Writes the files; {@code header} lines go on top of the arena config as comments. */
    public static void write(Path arena, Path golden, Path rubric, PromptfooImporter.Result r, List<String> header) {
        Map<Path, String> files = new LinkedHashMap<>();
        StringBuilder comments = new StringBuilder();
        header.forEach(h -> comments.append("# ").append(h).append('\n'));
        files.put(arena, comments + yaml(r.arena()));
        files.put(rubric, yaml(r.rubric()));
        StringBuilder lines = new StringBuilder();
        for (ObjectNode c : r.cases()) lines.append(c.toString()).append('\n');
        files.put(golden, lines.toString());
        for (Path p : files.keySet()) {
            if (Files.exists(p)) throw new InputException(p, "already exists; import never overwrites a file (choose another --out or move it)");
        }
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<Path, String> e : files.entrySet()) {
                Path parent = e.getKey().toAbsolutePath().getParent();
                if (!Files.isDirectory(parent)) throw new InputException(e.getKey(), "folder " + parent + " does not exist");
                Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                written.add(e.getKey());
            }
        } catch (IOException | RuntimeException e) {
            for (Path p : written) {
                try { Files.deleteIfExists(p); } catch (IOException ignored) { /* the original error matters more */ }
            }
            if (e instanceof java.nio.file.FileAlreadyExistsException fe) throw new InputException(Path.of(fe.getFile()), "already exists; import never overwrites a file");
            if (e instanceof IOException io) throw new InputException(arena, "cannot write: " + io.getMessage());
            throw (RuntimeException) e;
        }
    }

    static String yaml(ObjectNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
