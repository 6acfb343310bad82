package dev.promptarena.cli;

import dev.promptarena.canary.SignalAnalysis;
import dev.promptarena.canary.SignalEvents;
import dev.promptarena.input.InputException;
import dev.promptarena.report.Fmt;
import dev.promptarena.report.signals.SignalsReport;
import dev.promptarena.run.RunDirectory;
import dev.promptarena.util.TerminalText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code prompt-arena signals events.jsonl}: implicit-feedback rates per variant and their differences. */
@Command(name = "signals", mixinStandardHelpOptions = true,
        description = {"Implicit-feedback rates per variant, clustered by session.",
                "From an event log (rephrased_query, immediate_retry, session_abandoned,"
                        + " follow_up_question, task_completed): share of turns with each signal and its interval, the treatment - control"
                        + " difference with a two-proportion test clustered by session, Benjamini-Hochberg across the signals, and the"
                        + " rates per time window (novelty effects). Writes signals.json, signals.csv, signals-windows.csv, signals.html."},
        footer = {"", "Events (JSONL): session_id, turn_id, variant, signal, timestamp (ISO-8601) [, experiment_id, model].",
                "A turn without any signal logs signal \"served\" so it counts in the denominators.",
                "signals-windows.csv (window_start, window_end, variant, signal, turns, rate, ..., design_effect, effective_turns) is what"
                        + " `canary check --signals DIR` reads: give --window-hours equal to the monitoring windows' length. design_effect: the rate's"
                        + " variance clustered by session over its variance for independent turns (at least 1); effective_turns = turns / design_effect.",
                "", "Exit codes: 0 report written, 2 usage or input error (file:line: field: problem)."})
public final class SignalsCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(index = "0", paramLabel = "EVENTS", description = "The event log (JSONL, or CSV with the same columns).")
    Path events;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: signals/ next to the log).")
    Path out;

    @Option(names = "--experiment", description = "Only events of this experiment_id.")
    String experiment;

    @Option(names = "--control", description = "Control variant (default: 'control' if present, else the first seen).")
    String control;

    @Option(names = "--treatment", description = "Treatment variant (default: the other one).")
    String treatment;

    @Option(names = "--window-hours", defaultValue = "24", description = "Width of the time windows (default: ${DEFAULT-VALUE}).")
    long windowHours;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Level for intervals and the BH mark (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Override
    public Integer call() throws IOException {
        if (windowHours < 1) return usage("--window-hours must be >= 1, got " + windowHours);
        if (!(alpha > 0 && alpha < 1)) return usage("--alpha must be in (0, 1), got " + alpha);
        if (out != null) OutputFiles.requireFolderTarget(out, "--out");
        List<SignalEvents.Turn> turns = SignalEvents.read(events, experiment);
        Set<String> variants = new LinkedHashSet<>();
        turns.forEach(t -> variants.add(t.variant()));
        String c = control != null ? control : variants.contains("control") ? "control" : variants.iterator().next();
        String t = treatment;
        if (t == null) {
            List<String> others = variants.stream().filter(v -> !v.equals(c)).toList();
            if (others.size() != 1) throw new InputException(events, 0, "variant", "expected two variants, found " + variants + "; choose with --control and --treatment");
            t = others.get(0);
        }
        for (String v : List.of(c, t)) {
            if (!variants.contains(v)) throw new InputException(events, 0, "variant", "no turns of '" + v + "'; variants in the log: " + variants);
        }
        if (c.equals(t)) return usage("--control and --treatment must differ");
        SignalAnalysis.Result r = SignalAnalysis.analyse(turns, c, t, alpha, windowHours);
        Path dir = out != null ? out : events.toAbsolutePath().getParent().resolve("signals");
        Files.createDirectories(dir);
        SignalsReport.write(r, RunDirectory.open(dir));
        main.out.printf("%d turns of %s, %d of %s, %d sessions (intervals and tests clustered by session)%n", r.turnsControl(),
                TerminalText.plain(c), r.turnsTreatment(), TerminalText.plain(t), r.sessions());
        // Each variant's column is as wide as its name (within bounds), so the header names the variants themselves: a
        // role word in place of a long name read "control control" when the names were those words, swapped.
        String cName = columnName(c), tName = columnName(t);
        String row = "%-20s %" + cName.length() + "s %" + tName.length() + "s %9s %-18s %8s %8s%s%n";
        main.out.printf(row, "signal", cName, tName, "diff", "95% interval", "p", "p (BH)", "");
        for (SignalAnalysis.SignalRow s : r.signals()) {
            main.out.printf(row, s.signal(), Fmt.pct(s.control().estimate()), Fmt.pct(s.treatment().estimate()),
                    Fmt.pct(s.difference().estimate()), s.difference().interval() == null ? Fmt.NONE
                            : Fmt.pct(s.difference().interval().lower()) + " to " + Fmt.pct(s.difference().interval().upper()),
                    Fmt.p(s.difference().p()), Fmt.p(s.pBenjaminiHochberg()), s.pBenjaminiHochberg() < alpha ? "  *" : "");
        }
        main.out.println("Report: " + dir.resolve("signals.html") + " (signals.json, signals.csv, signals-windows.csv alongside)");
        return ExitCode.PASS.code();
    }

    /** A variant's name as a column header: printable, at least 8 wide (a rate's width), cut to 24 with an ellipsis. */
    static String columnName(String variant) {
        String plain = TerminalText.plain(variant);
        String cut = plain.codePointCount(0, plain.length()) <= 24 ? plain : plain.substring(0, plain.offsetByCodePoints(0, 23)) + "\u2026";
        return String.format("%8s", cut);
    }

    private int usage(String message) {
        main.err.println("error: " + message);
        return ExitCode.USAGE_OR_INPUT.code();
    }
}
