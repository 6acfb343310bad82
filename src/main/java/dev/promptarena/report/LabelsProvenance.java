package dev.promptarena.report;

import java.util.Objects;

/**
 * Which human labels a report's human-corrected win rate came from. The content hash, not the path, identifies
 * them: the same file name can hold other labels tomorrow, and a reader must be able to check that the labels
 * they hold are the ones the verdict used ({@code sha256sum human.csv}).
 *
 * @param file   the file's name as given (no folder: where it lived says nothing about what it held)
 * @param sha256 SHA-256 of the file's bytes, lowercase hex
 * @param rows   label rows read (several labellers of one case count separately)
 * @param format {@code label sheet} (from {@code prompt-arena label}, known probabilities) or {@code case_id,label}
 */
public record LabelsProvenance(String file, String sha256, int rows, String format) {
    public LabelsProvenance {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(format, "format");
    }

    /** One line for every report format. */
    public String describe() {
        return "labels " + file + " (" + format + ", " + rows + " rows, sha256 " + sha256 + ")";
    }
}
