package dev.promptarena.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.llm.LlmResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Content-addressed, on-disk cache of successful responses shared across runs (default
 * {@code ~/.cache/prompt-arena}). One file per key under a two-character fan-out directory,
 * written to a temporary file and atomically renamed, so concurrent runs sharing the directory
 * never read half a file. Holds responses only: no keys, no headers.
 */
public final class ResponseCache {
    private final Path root;
    private final ObjectMapper json;

    public ResponseCache(Path dir, ObjectMapper json) {
        this.root = dir.resolve(RequestKeys.VERSION);
        this.json = json;
    }

    public Optional<LlmResponse> get(String key) {
        Path file = file(key);
        try {
            return Optional.of(json.readValue(Files.readAllBytes(file), LlmResponse.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            // A damaged entry is a miss; the fresh answer will overwrite it.
            return Optional.empty();
        }
    }

    public void put(String key, LlmResponse response) {
        Path file = file(key);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), key.substring(0, 8), ".tmp");
            Files.write(tmp, json.writeValueAsBytes(response));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cache entry under " + root, e);
        }
    }

    Path file(String key) { return root.resolve(key.substring(0, 2)).resolve(key + ".json"); }
}
