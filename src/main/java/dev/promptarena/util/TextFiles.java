package dev.promptarena.util;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Text files the tool writes from untrusted text (model replies, golden-set fields). */
public final class TextFiles {
    private TextFiles() {}

    /**
     * A buffered UTF-8 writer to {@code file} (created, or truncated) that writes '?' for a lone surrogate, as the journal
     * does. Not {@code Files.newBufferedWriter}: its encoder throws on one, which a model's reply or a golden set's
     * {@code "\ud800"} escape can carry, and a single such character lost every report of a run.
     */
    public static BufferedWriter utf8Writer(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8));
    }
}
