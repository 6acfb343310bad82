package dev.promptarena.calibration;

import dev.promptarena.input.Hashing;
import dev.promptarena.input.InputException;
import dev.promptarena.input.ReadErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Human labels in either format: a filled label sheet from {@code label} (blind order, sampling probabilities)
 * or a plain {@code case_id,label} file. The header tells them apart (a sheet has {@code order_key}).
 *
 * @param labels the labels in variant terms (for agreement and kappa)
 * @param sheet  the sheet rows with their probabilities, or null for a plain file (then the labelled cases
 *               are taken to be a random subset of the run)
 * @param sha256 SHA-256 of the file's bytes when it was read, so reports name the labels by content
 */
public record LabelsFile(Path file, List<HumanLabel> labels, List<SheetLabel> sheet, String sha256) {
    public static LabelsFile read(Path file, String runId) {
        if (!isSheet(file)) return plain(file);
        String sha = sha256(file);
        List<SheetLabel> sheet = LabelSheetReader.read(file, runId);
        List<HumanLabel> labels = sheet.stream()
                .map(s -> new HumanLabel(s.caseId(), s.repeat(), s.score() == 1 ? "B" : s.score() == 0 ? "A" : "tie", "", s.line())).toList();
        return new LabelsFile(file, labels, sheet, sha);
    }

    /** A plain {@code case_id,label} file. */
    public static LabelsFile plain(Path file) {
        String sha = sha256(file);
        return new LabelsFile(file, LabelsReader.read(file), null, sha);
    }

    private static String sha256(Path file) {
        try {
            return Hashing.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw ReadErrors.of(file, e);
        }
    }

    /** True when the file's header is a label sheet's (it has {@code order_key}); false for a plain labels file. */
    public static boolean isSheet(Path file) {
        String header;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = r.readLine();
        } catch (IOException e) {
            throw ReadErrors.of(file, e);
        }
        return header != null && LabelSheetReader.isSheet(header.split(",", -1));
    }

    /** The human-corrected win rate with the estimator the format calls for. */
    public HumanCorrection.Result correct(JudgedCases judged, double alpha) {
        return sheet != null ? HumanCorrection.fromSheet(file, judged, sheet, alpha) : HumanCorrection.fromLabels(file, judged, labels, alpha);
    }
}
