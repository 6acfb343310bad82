package dev.promptarena.recorded;

import dev.promptarena.stats.Side;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The recorded outputs of one variant, by golden case id: the generation step of a variant with
 * {@code responses:} (or of both variants under {@code run --responses}) reads from here instead of
 * calling a provider. Every case of the golden set has exactly one output (checked when loading). Outputs read from
 * a file are read back from it when a case needs its own (see {@link RecordedRows}), not held.
 */
public final class RecordedResponses {
    private final Path file;
    private final String sha256;
    private final Function<String, RecordedOutput> byCase;

    /**
     * @param file    the file the outputs came from (manifest)
     * @param byCase  case id to recorded output, null for a case without one; safe on many threads at once
     * @param sha256  hash of the file's bytes when it was read (manifest), or null when not read from a file
     */
    RecordedResponses(Path file, Function<String, RecordedOutput> byCase, String sha256) {
        this.file = Objects.requireNonNull(file, "file");
        this.byCase = byCase;
        this.sha256 = sha256;
    }

    /** Outputs held in memory, not read from a file (tests, tools). */
    public RecordedResponses(Path file, Map<String, RecordedOutput> byCase) { this(file, Map.copyOf(byCase)::get, null); }

    /** The file the outputs came from (manifest). */
    public Path file() { return file; }

    /** Hash of the file's bytes when it was read (manifest), or null when not read from a file. */
    public String sha256() { return sha256; }

    /** The recorded side for a case; every repeat of a case sees the same recorded output. */
    public Side side(String caseId) {
        RecordedOutput o = byCase.apply(caseId);
        if (o == null) throw new IllegalStateException("no recorded output for case " + caseId + " in " + file);
        return o.toSide();
    }
}
