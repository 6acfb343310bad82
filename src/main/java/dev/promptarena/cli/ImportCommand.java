package dev.promptarena.cli;

import dev.promptarena.input.InputException;
import dev.promptarena.promptfoo.ImportFiles;
import dev.promptarena.promptfoo.PromptfooImporter;
import dev.promptarena.run.ArenaInputs;
import dev.promptarena.util.TerminalText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code prompt-arena import promptfoo <promptfooconfig.yaml> --out arena.yaml}: migrate from promptfoo. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Convert another tool's config into an arena config, golden set and rubric, listing what could not be mapped.",
        footer = {"", "Writes ARENA.yaml, ARENA.golden.jsonl and ARENA.rubric.yaml; never overwrites a file.",
                "Exit codes: 0 written (see the notes), 2 input error or a file already exists (nothing written)."})
public final class ImportCommand implements Callable<Integer> {
    /** Tools we import from. */
    enum Source { promptfoo }

    @ParentCommand Main main;

    @Parameters(index = "0", paramLabel = "TOOL", description = "The tool the config comes from: ${COMPLETION-CANDIDATES}.")
    Source source;

    @Parameters(index = "1", paramLabel = "CONFIG", description = "The tool's config, e.g. promptfooconfig.yaml.")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "ARENA_YAML", description = "The arena config to write (must not exist).")
    Path out;

    @Override
    public Integer call() {
        Path golden = ImportFiles.sibling(out, ".golden.jsonl");
        Path rubric = ImportFiles.sibling(out, ".rubric.yaml");
        PromptfooImporter.Result r = PromptfooImporter.convert(config, golden.getFileName().toString(), rubric.getFileName().toString());
        List<String> header = new ArrayList<>();
        header.add("Imported from " + config.getFileName() + " by `prompt-arena import promptfoo`. Review it before the first paid run.");
        header.add("The notes below (also printed by the import) say what to review and what was not mapped.");
        header.add("variants: A = " + r.variants().get(0) + ", B = " + r.variants().get(1));
        r.notes().reviewItems().forEach(s -> header.add("review: " + s));
        r.notes().unmappedItems().forEach(s -> header.add("not mapped: " + s));
        ImportFiles.write(out, golden, rubric, r, header);
        main.out.printf("wrote %s, %s (%d cases), %s%n", out, golden, r.cases().size(), rubric);
        // The config is the user's own but often copied from elsewhere: its names and the notes quoting it
        // go through the same terminal neutralizer as every other output.
        main.out.println("variants: A = " + TerminalText.plain(r.variants().get(0)) + ", B = " + TerminalText.plain(r.variants().get(1)));
        if (r.variants().size() > 2) r.variants().subList(2, r.variants().size()).forEach(v -> main.out.println("  not in this arena: " + TerminalText.plain(v)));
        r.notes().reviewItems().forEach(s -> main.out.println("review: " + TerminalText.plain(s)));
        List<String> unmapped = r.notes().unmappedItems();
        main.out.println(unmapped.isEmpty() ? "everything was mapped" : "not mapped (" + unmapped.size() + "):");
        unmapped.forEach(s -> main.out.println("  " + TerminalText.plain(s)));
        try {
            ArenaInputs in = ArenaInputs.load(out, main.env);
            main.out.println("validate: ok (" + in.cases().size() + " cases)");
        } catch (InputException e) {
            // The files are written for the user to edit; say what still stops a run.
            main.out.println("validate: " + TerminalText.plain(e.describe()));
        }
        return ExitCode.PASS.code();
    }
}
