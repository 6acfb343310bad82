package dev.promptarena.cli;

import dev.promptarena.compare.CompareReports;
import dev.promptarena.compare.Comparison;
import dev.promptarena.compare.RunComparison;
import dev.promptarena.compare.RunSnapshot;
import dev.promptarena.report.Fmt;
import dev.promptarena.util.TerminalText;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code prompt-arena compare <run-dir-1> <run-dir-2>}: what changed between two runs, and were they judged the same way? */
@Command(name = "compare", mixinStandardHelpOptions = true,
        // The first line is the summary the top-level --help lists (one whole sentence); then one element per paragraph.
        description = {"Show what changed between two runs of an arena.",
                "B's win rate and each axis (change with interval, paired by case id), cases that flipped between win and loss,"
                        + " new check failures, cost and latency; and whether the runs were judged the same way (judge models,"
                        + " providers, template and rubric hashes, order policy, samples, decoding).",
                "Writes compare.json, compare.md and compare.html (into RUN_DIR_2 unless --out)."},
        footer = {"", "Regression rule (pre-registered): the (1 - alpha) interval of the change in B's win rate lies entirely below 0.",
                "Exit codes: 0 no regression and same judging, 1 regression or the judges differ (results not comparable), 2 input error."})
public final class CompareCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR_1", description = "The earlier run folder.")
    Path first;

    @Parameters(index = "1", paramLabel = "RUN_DIR_2", description = "The later run folder.")
    Path second;

    @Option(names = "--out", paramLabel = "DIR", description = "Where compare.json/.md/.html go (default: RUN_DIR_2).")
    Path out;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05", description = "1 - confidence level of the intervals and the rule (default ${DEFAULT-VALUE}).")
    double alpha;

    @Override
    public Integer call() {
        if (!(alpha > 0 && alpha < 0.5)) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--alpha must be in (0, 0.5), got " + alpha);
        PairingFolders.refuseTournament(first, "compare");
        PairingFolders.refuseTournament(second, "compare");
        Comparison c = RunComparison.compare(RunSnapshot.read(first), RunSnapshot.read(second), alpha);
        if (c.judgingDifferences().isEmpty()) {
            main.out.println("Same judging in both runs.");
        } else {
            main.out.println("warning: the two runs were judged differently, so their results are not comparable:");
            c.judgingDifferences().forEach(d -> main.out.println("  " + TerminalText.plain(d)));
        }
        main.out.printf("B's win rate: %s -> %s (%s pts, %s; %s)%n", Fmt.pct(c.winRateFirst()), Fmt.pct(c.winRateSecond()),
                Fmt.signed(c.winRate().estimate() * 100, 1),
                c.winRate().interval() == null ? "no interval" : "interval " + Fmt.signed(c.winRate().interval().lower() * 100, 1)
                        + " to " + Fmt.signed(c.winRate().interval().upper() * 100, 1),
                c.paired() ? "paired over " + c.sharedCases() + " cases" : "unpaired");
        c.axes().forEach(a -> main.out.printf("  %-20s B-A change %s %s%n", TerminalText.plain(a.axis()), Fmt.signed(a.delta().estimate(), 2), Fmt.interval(a.delta().interval(), 2)));
        long lost = c.flips().stream().filter(f -> f.to().equals("loss")).count();
        main.out.printf("flipped: %d win -> loss, %d loss -> win%n", lost, c.flips().size() - lost);
        c.checks().stream().filter(ch -> !ch.newlyFailing().isEmpty()).forEach(ch ->
                main.out.printf("new failures of %s (%s): %d%n", TerminalText.plain(ch.check()), TerminalText.plain(ch.variant()), ch.newlyFailing().size()));
        c.reasons().forEach(r -> main.out.println(TerminalText.plain(r)));
        List<Path> files = CompareReports.write(c, out != null ? out : second);
        main.out.println("Report: " + files.get(2) + " (compare.json and compare.md alongside)");
        return c.comparableAndNoRegression() ? ExitCode.PASS.code() : ExitCode.FAIL.code();
    }
}
