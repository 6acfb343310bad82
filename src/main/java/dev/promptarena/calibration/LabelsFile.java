package dev.promptarena.calibration;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.promptarena.input.Hashing;
import dev.promptarena.input.InputException;
import dev.promptarena.input.ReadErrors;
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
    /** @param ids the run's case ids by the text a label sheet holds for them ({@link SheetIds}) */
    public static LabelsFile read(Path file, String runId, SheetIds ids) {
        if (!isSheet(file)) return plain(file);
        String sha = sha256(file);
        List<SheetLabel> sheet = LabelSheetReader.read(file, runId, ids);
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
        // Read as CSV, not split on commas: a spreadsheet that quotes every cell on save ("order_key") wrote a sheet
        // that was then read as a plain labels file and refused for its column "probability".
        try (CSVReader r = new CSVReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            String[] header = r.readNext();
            return header != null && LabelSheetReader.isSheet(header);
        } catch (IOException e) {
            throw ReadErrors.of(file, e);
        } catch (CsvException e) {
            return false; // the plain reader names the malformed line
        }
    }

    /** The human-corrected win rate with the estimator the format calls for. */
    public HumanCorrection.Result correct(JudgedCases judged, double alpha) {
        return sheet != null ? HumanCorrection.fromSheet(file, judged, sheet, alpha) : HumanCorrection.fromLabels(file, judged, labels, alpha);
    }
}
