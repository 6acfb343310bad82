package dev.promptarena.cli;

import dev.promptarena.input.InputException;
import dev.promptarena.history.IndexPage;
import dev.promptarena.history.RunHistory;
import dev.promptarena.history.RunSummary;
import dev.promptarena.report.Fmt;
import dev.promptarena.util.TerminalText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code prompt-arena runs [DIR]}: the runs under a folder, and index.html with each arena's trend. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        // The first line is the summary the top-level --help lists (one whole sentence); then one element per paragraph.
        description = {"List the runs under DIR and write DIR/index.html.",
                "Per run: date, arena, decision, win rate and interval, n and cost. index.html shows, per arena, the trend of"
                        + " B's gated win rate across its runs, each point linked to the run's report."},
        footer = {"", "Exit codes: 0 listed, 2 DIR is not a folder or holds no runs (then nothing is written)."})
public final class RunsCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "reports", description = "The parent of the run folders (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() {
        RunHistory.Scan scan = RunHistory.scan(dir);
        // A folder's report.json may come from elsewhere (a CI artifact): its problem is untrusted text on a terminal.
        scan.unreadable().forEach(u -> main.err.println("warning: " + TerminalText.plain(u) + "; left out of the list"));
        List<RunSummary> runs = scan.runs();
        if (runs.isEmpty()) {
            // An index of nothing would only hide the mistake (a wrong folder, or a run folder given instead of its parent).
            String hint = Files.isRegularFile(dir.resolve("report.json")) ? "; it is a run folder itself: give its parent" : "";
            throw new InputException(dir, "no runs in this folder (none of the folders in it holds a run's report.json)" + hint
                    + "; nothing written");
        }
        main.out.printf("%-17s %-28s %-14s %-8s %-17s %5s %10s%n", "started (UTC)", "arena", "decision", "win", "interval", "n", "cost");
        for (RunSummary r : runs) {
            String date = r.startedAt().length() >= 16 ? r.startedAt().substring(0, 16).replace('T', ' ') : r.startedAt();
            // The arena name is read back from each folder (a downloaded CI artifact, say): untrusted on a terminal.
            main.out.printf("%-17s %-28s %-14s %-8s %-17s %5d %10s  %s%n", date, clip(TerminalText.plain(r.arena()), 28), r.decisionLabel(),
                    Fmt.pct(r.winRate()), r.intervalLabel(), r.scored(), Fmt.usd(r.costUsd()), r.folder());
        }
        Path index = dir.resolve("index.html");
        try {
            Files.writeString(index, IndexPage.render("prompt-arena runs in " + dir.toAbsolutePath().normalize().getFileName(), RunHistory.byArena(runs)),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(index, "cannot write: " + e.getMessage());
        }
        main.out.println(runs.size() + " run(s); index: " + index);
        return ExitCode.PASS.code();
    }

    private static String clip(String s, int n) { return s.length() <= n ? s : s.substring(0, n - 1) + "…"; }
}
