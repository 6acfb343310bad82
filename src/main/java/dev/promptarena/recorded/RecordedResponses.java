package dev.promptarena.recorded;

import dev.promptarena.stats.Side;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The recorded outputs of one variant, by golden case id: the generation step of a variant with
 * {@code responses:} (or of both variants under {@code run --responses}) reads from here instead of
 * calling a provider. Every case of the golden set has exactly one output (checked when loading).
 *
 * @param file    the file the outputs came from (manifest)
 * @param byCase  case id to recorded output
 * @param sha256  hash of the file's bytes when it was read (manifest), or null when not read from a file
 */
public record RecordedResponses(Path file, Map<String, RecordedOutput> byCase, String sha256) {
    public RecordedResponses {
        Objects.requireNonNull(file, "file");
        byCase = Map.copyOf(byCase);
    }

    /** Outputs not read from a file (tests, tools). */
    public RecordedResponses(Path file, Map<String, RecordedOutput> byCase) { this(file, byCase, null); }

    /** The recorded side for a case; every repeat of a case sees the same recorded output. */
    public Side side(String caseId) {
        RecordedOutput o = byCase.get(caseId);
        if (o == null) throw new IllegalStateException("no recorded output for case " + caseId + " in " + file);
        return o.toSide();
    }
}
