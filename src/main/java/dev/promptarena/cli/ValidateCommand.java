package dev.promptarena.cli;

import dev.promptarena.judge.ModelFamilies;
import dev.promptarena.judge.SelfPreferenceCheck;
import dev.promptarena.run.ArenaInputs;
import dev.promptarena.run.ProvidersTable;
import dev.promptarena.util.TerminalText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code prompt-arena validate <arena.yaml>}: checks config, rubric and golden set without calling anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the config, rubric and golden set; call nothing. Exit 0 when valid, 2 otherwise.")
public final class ValidateCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(index = "0", paramLabel = "ARENA_YAML", description = "The arena config file.")
    Path config;

    @Override
    public Integer call() {
        ArenaInputs in = ArenaInputs.load(config, main.env);
        main.out.printf("ok: %s — %d cases, %d rubric axes, %s, %s %s (order %s)%n",
                // Names are printed without terminal control sequences, as in the run's summary (README, untrusted text on screen).
                TerminalText.plain(in.config().name()), in.cases().size(), in.rubric().axes().size(), variants(in),
                in.config().judges().size() > 1 ? "judges" : "judge", judge(in), in.config().judge() == null ? "none" : in.config().judge().order().name().toLowerCase());
        ProvidersTable.Result providers = ProvidersTable.of(in.config(), main.env);
        if (!in.config().providers().isEmpty()) providers.lines().forEach(main.out::println);
        providers.warnings().forEach(w -> main.err.println("warning: " + w));
        // Valid, but worth knowing before a run is paid for.
        in.warnings().forEach(w -> main.err.println("warning: " + w));
        SelfPreferenceCheck.find(in.config().judges(), in.config().variants(), new ModelFamilies(in.config().families()))
                .forEach(s -> main.err.println("warning: " + s.message()));
        return ExitCode.PASS.code();
    }

    /** A=name (model), B=name (model); a tournament's variants all, control first, since a and b are only two of them. */
    private static String variants(ArenaInputs in) {
        if (in.config().tournament() == null) {
            return "A=" + TerminalText.plain(in.config().a().name()) + " (" + in.config().a().model() + "), B="
                    + TerminalText.plain(in.config().b().name()) + " (" + in.config().b().model() + ")";
        }
        List<String> named = new ArrayList<>();
        for (var v : in.config().variants()) named.add(TerminalText.plain(v.name()) + " (" + v.model() + ")");
        return in.config().variants().size() + " variants: " + String.join(", ", named) + ", control " + TerminalText.plain(in.config().a().name());
    }

    /** The LLM judge's model (every panel judge's), or the reference judge (explicit, or implied by a checks-only rubric). */
    private static String judge(ArenaInputs in) {
        if (in.config().judge() != null) {
            return String.join(", ", in.config().judges().stream()
                    .map(j -> j.id().equals(j.model()) ? j.model() : j.id() + " (" + j.model() + ")").toList());
        }
        double margin = in.config().reference() == null ? 0 : in.config().reference().margin();
        return "reference (margin " + margin + ", " + in.rubric().checks().size() + " checks)";
    }
}
