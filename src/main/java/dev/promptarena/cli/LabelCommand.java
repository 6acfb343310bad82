package dev.promptarena.cli;

import dev.promptarena.calibration.JudgedCases;
import dev.promptarena.calibration.LabelSheet;
import dev.promptarena.calibration.LabelSheetWriter;
import dev.promptarena.dataset.DatasetLoader;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.input.Hashing;
import dev.promptarena.input.InputException;
import dev.promptarena.report.CsvTable;
import dev.promptarena.run.Manifest;
import dev.promptarena.run.ManifestFactory;
import dev.promptarena.run.StoredCases;
import dev.promptarena.run.RunDirectory;
import dev.promptarena.util.TextFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code prompt-arena label <run-dir> --n 60 --out to-label.csv}: the cases humans should label, blind. */
@Command(name = "label", mixinStandardHelpOptions = true,
        // The first line is the summary the top-level --help lists (one whole sentence); then one element per paragraph.
        description = {"Write a finished run's cases for humans to label, blind.",
                "Each row holds the question, context, reference and both outputs in a random order per case (recorded as an"
                        + " order key, so labels map back to A and B), a blank label column and the case's sampling probability."
                        + " Feed the filled file to calibrate --labels."},
        footer = {"", "Exactly --n cases are drawn (all of them if the run has fewer), each with its recorded probability."
                        + " --strategy uncertain favours cases where the judge contradicted itself (across orders, samples or panel"
                        + " members) or scored both outputs alike; the recorded probabilities keep the estimate unbiased."
                        + " Labellers write 1, 2 or tie (response 1, response 2, neither) and must label every row.",
                "", "Exit codes: 0 written, 2 usage or input error (nothing written)."})
public final class LabelCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A finished run folder.")
    Path runDir;

    @Option(names = "--n", paramLabel = "N", defaultValue = "60", description = "Number of cases to label (default: ${DEFAULT-VALUE}; the interval's coverage is measured from 60 labels on, docs/statistics.md).")
    int n;

    @Option(names = "--strategy", paramLabel = "S", defaultValue = "uncertain", converter = StrategyConverter.class,
            completionCandidates = OptionNames.StrategyNames.class,
            description = "uncertain or random (default: ${DEFAULT-VALUE}).")
    LabelSheet.Strategy strategy;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the draw and the order (default: the run's judge seed).")
    Long seed;

    @Option(names = "--out", required = true, paramLabel = "CSV", description = "The sheet to write (must not exist).")
    Path out;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write an HTML page of the same cases for labellers (must not exist).")
    Path html;

    @Override
    public Integer call() throws Exception {
        String problem = n < 2 ? "--n must be at least 2, got " + n
                : !Files.isDirectory(runDir) ? runDir + ": not a folder"
                : Files.exists(out) ? out + ": exists; choose another name (a filled sheet is never overwritten)"
                : html != null && Files.exists(html) ? html + ": exists; choose another name"
                // Checked before anything is written: a missing folder failed after the sheet was written (exit 4, a
                // temporary file's name), and one path for both had the page written over the sheet.
                : missingFolder(out) != null ? missingFolder(out) + ": " + notFolder(missingFolder(out)) + " (for --out " + out + ")"
                : html != null && missingFolder(html) != null ? missingFolder(html) + ": " + notFolder(missingFolder(html)) + " (for --html " + html + ")"
                : html != null && out.toAbsolutePath().normalize().equals(html.toAbsolutePath().normalize())
                        ? html + ": --html and --out name the same file" : null;
        if (problem != null) {
            main.err.println("error: " + problem);
            return ExitCode.USAGE_OR_INPUT.code();
        }
        PairingFolders.refuseTournament(runDir, "label");
        RunDirectory dir = RunDirectory.open(runDir);
        Manifest manifest = ManifestFactory.read(dir.file("manifest.json"));
        JudgedCases judged = JudgedCases.of(StoredCases.read(dir.file("cases.jsonl"))); // streamed, not loaded (issue 21)
        if (judged.size() < 2) throw new InputException(dir.file("cases.jsonl"), "the run has fewer than 2 cases with a scored verdict");
        LabelSheet sheet = LabelSheet.draw(manifest.runId(), judged, n, strategy, seed != null ? seed : manifest.judge().seed());
        Map<String, GoldenCase> dataset = dataset(manifest, sheet.items().stream().map(LabelSheet.Item::caseId).collect(java.util.stream.Collectors.toSet()));
        write(out, w -> LabelSheetWriter.csv(sheet, dataset, w, CsvTable::safe));
        if (html != null) write(html, w -> LabelSheetWriter.html(sheet, dataset, w));
        main.out.printf(Locale.ROOT, "%d of %d cases to label (strategy %s) -> %s%s%n", sheet.items().size(), sheet.cases(),
                OptionNames.name(strategy), out, html == null ? "" : " and " + html);
        if (dataset.isEmpty()) main.out.println("note: the run's dataset file is missing or changed; context and reference columns are blank");
        return ExitCode.PASS.code();
    }

    /**
     * The sheet's golden cases by id when the dataset file is still there unchanged; empty otherwise (context is
     * optional). Only the sheet's cases are kept: a sheet has tens of rows, a golden set up to millions (issue 21).
     */
    private static Map<String, GoldenCase> dataset(Manifest m, java.util.Set<String> wanted) {
        Map<String, GoldenCase> byId = new LinkedHashMap<>();
        try {
            Path f = m.datasetFile() == null ? null : Path.of(m.datasetFile());
            if (f == null || !Files.isRegularFile(f) || !Hashing.sha256(Files.readAllBytes(f)).equals(m.datasetSha256())) return byId;
            for (GoldenCase g : new DatasetLoader().load(f)) if (wanted.contains(g.id())) byId.put(g.id(), g);
        } catch (IOException | InputException e) {
            byId.clear();
        }
        return byId;
    }

    /** The folder {@code file} would be written into, when it is not an existing folder; else null. */
    private static Path missingFolder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return Files.isDirectory(parent) ? null : parent;
    }

    /** Why {@code folder} is no folder: a file there (was "no such folder" for a file), or nothing. */
    private static String notFolder(Path folder) { return Files.exists(folder) ? "is a file, not a folder" : "no such folder"; }

    private interface Body { void write(Writer w) throws IOException; }

    /** Writes next to the target and moves into place, so a failure leaves nothing half-written. */
    private static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), ".label-", ".tmp");
        try {
            try (Writer w = TextFiles.utf8Writer(tmp)) { // '?' for a lone surrogate a golden set can escape, no failure
                body.write(w);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static final class StrategyConverter implements picocli.CommandLine.ITypeConverter<LabelSheet.Strategy> {
        @Override
        public LabelSheet.Strategy convert(String value) { return OptionNames.parse(LabelSheet.Strategy.class, value); }
    }
}
