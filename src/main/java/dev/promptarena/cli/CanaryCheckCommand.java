package dev.promptarena.cli;

import dev.promptarena.canary.Action;
import dev.promptarena.canary.CanaryPlan;
import dev.promptarena.canary.CanaryPlanFile;
import dev.promptarena.canary.Guardrail;
import dev.promptarena.canary.JudgeMeans;
import dev.promptarena.canary.Monitor;
import dev.promptarena.canary.MonitorState;
import dev.promptarena.canary.MonitorStateFile;
import dev.promptarena.canary.SignalEvents;
import dev.promptarena.canary.SignalRates;
import dev.promptarena.canary.TreatmentMetrics;
import dev.promptarena.canary.Window;
import dev.promptarena.run.RunDirectory;
import dev.promptarena.util.TerminalText;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code prompt-arena canary check}: applies the plan's guardrails to monitoring windows, window by window. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check monitoring windows against a canary plan; exit code per action.",
                "Per metric direction, limit and consecutive-window persistence; a sample-ratio check per window; the stage-advance rule.",
                "With --state, windows already processed are skipped and the stage, streaks and status persist."},
        footer = {"", "Windows file (CSV with header, or .jsonl): window_start,window_end,variant[,units],<metric>...",
                "times ISO-8601 (2026-05-01T10:00:00Z); one row per variant per window; empty cell = not measured.",
                "--scores: the folder of `prompt-arena score` over the treatment's traces (--window-hours = the windows' length);"
                        + " its per-window axis means become the treatment's judge_<axis>_mean in the window with the same start and end.",
                "--signals: the folder of `prompt-arena signals` (--window-hours = the windows' length); the treatment's rate of each"
                        + " signal the plan guards becomes <signal>_rate (task_completed_rate) in the window with the same start and end;"
                        + " --min-turns counts its effective turns, and a stage limit's noise allowance widens with the rate's design effect.",
                "", "Exit codes: 0 advance (or rollout complete), 1 rollback, 2 usage or input error, 3 hold, 4 tool error, 5 pause."})
public final class CanaryCheckCommand implements Callable<Integer> {
    @ParentCommand CanaryCommand parent;

    @Option(names = "--plan", required = true, paramLabel = "YAML", description = "canary-plan.yaml from `canary plan`.")
    Path planFile;

    @Option(names = "--windows", required = true, paramLabel = "FILE", description = "Window metrics per variant (CSV or JSONL).")
    Path windowsFile;

    @Option(names = "--state", paramLabel = "JSON", description = "State file, read if present and rewritten atomically.")
    Path stateFile;

    @Option(names = "--scores", paramLabel = "SCORE_DIR", description = "Folder of `prompt-arena score` over the treatment's traces: supplies judge_<axis>_mean.")
    Path scoresDir;

    @Option(names = "--min-scored", defaultValue = "20", paramLabel = "N",
            description = "Fewest scored traces for a window's judge mean to count (default: ${DEFAULT-VALUE}).")
    int minScored;

    @Option(names = "--signals", paramLabel = "SIGNALS_DIR",
            description = "Folder of `prompt-arena signals` over the event log: supplies <signal>_rate (e.g. task_completed_rate).")
    Path signalsDir;

    @Option(names = "--min-turns", defaultValue = "500", paramLabel = "N",
            description = "Fewest effective turns of the treatment (turns / design effect, clustered by session) for a window's signal rate"
                    + " to count (default: ${DEFAULT-VALUE}).")
    int minTurns;

    @Override
    public Integer call() {
        if (minScored < 1) return usage("--min-scored must be >= 1, got " + minScored);
        if (minTurns < 1) return usage("--min-turns must be >= 1, got " + minTurns);
        PrintStream out = parent.main.out;
        // Read every input before writing anything: a bad file changes nothing.
        CanaryPlan plan = CanaryPlanFile.read(planFile);
        List<Window> windows = Window.read(windowsFile);
        Map<Instant, List<String>> inputNotes = new LinkedHashMap<>(); // per window start: computed values left out, and why
        if (scoresDir != null) {
            Path scoreFile = Files.isDirectory(scoresDir) ? scoresDir.resolve(JudgeMeans.FILE) : scoresDir;
            String planned = plan.provenance().get(CanaryPlanCommand.JUDGE_INSTRUMENT), scored = JudgeMeans.instrument(scoresDir);
            if (planned != null && !planned.equals(scored)) {
                // Means of another judge or rubric sit on another scale: compared with these limits they alarm or stay silent by construction.
                parent.main.err.println("error: " + scoresDir + ": " + (scored == null ? "no score-manifest.json to tell which judge and rubric scored it"
                        : "scored with another judge or rubric than the plan's --judge-baseline") + "; its means are not comparable with the"
                        + " plan's judge limits (score with the same arena config and rubric)");
                return ExitCode.USAGE_OR_INPUT.code();
            }
            TreatmentMetrics.Merged merged = JudgeMeans.merge(windows, JudgeMeans.read(scoresDir), plan.treatment(), minScored, scoreFile);
            windows = merged.windows();
            merged.notes().forEach((start, n) -> inputNotes.computeIfAbsent(start, k -> new ArrayList<>()).addAll(n));
        }
        if (signalsDir != null) {
            // Only guarded rates: an unguarded one changes no decision, and would make a note or a conflict with the export for nothing.
            List<String> guarded = plan.guardrails().stream().map(Guardrail::metric).toList();
            SignalRates.Rows rates = SignalRates.read(signalsDir, plan.control(), plan.treatment()).only(guarded);
            if (SignalEvents.SIGNALS.stream().map(SignalRates::metric).noneMatch(guarded::contains)) {
                out.println("note: --signals: the plan guards no signal rate (" + String.join(", ", SignalEvents.SIGNALS.stream().map(SignalRates::metric)
                        .toList()) + "); the signals are not used");
            }
            TreatmentMetrics.Merged merged = SignalRates.merge(windows, rates, plan.treatment(), minTurns);
            windows = merged.windows();
            merged.notes().forEach((start, n) -> inputNotes.computeIfAbsent(start, k -> new ArrayList<>()).addAll(n));
        }
        MonitorState state = stateFile == null ? MonitorState.initial() : MonitorStateFile.read(stateFile);
        if (stateFile != null && !Files.isDirectory(stateFile.toAbsolutePath().getParent())) {
            // Else found only when the new state is written, after the actions were printed: exit 4.
            parent.main.err.println("error: " + stateFile.toAbsolutePath().getParent() + ": no such folder (for --state " + stateFile + ")");
            return ExitCode.USAGE_OR_INPUT.code();
        }
        if (state.stage() >= plan.stages().size()) {
            parent.main.err.println("error: " + stateFile + ": stage " + state.stage() + " does not exist in " + planFile);
            return ExitCode.USAGE_OR_INPUT.code();
        }
        int index = 0, processed = 0;
        for (Window w : windows) {
            index++;
            if (state.stopped()) break;
            if (state.lastWindowEnd() != null && !w.end().isAfter(state.lastWindowEnd())) continue; // already processed
            Monitor.Step step = Monitor.step(plan, state, w);
            processed++;
            print(out, index, plan, step, inputNotes.getOrDefault(w.start(), List.of()));
            state = step.next();
        }
        if (processed == 0) out.println("no new windows (last processed window ended " + state.lastWindowEnd() + ")");
        if (state.stopped()) out.println("status: " + state.status() + " — " + TerminalText.plain(String.valueOf(state.reason())));
        if (stateFile != null) {
            Path parentDir = stateFile.toAbsolutePath().getParent();
            RunDirectory.open(parentDir).writeText(stateFile.getFileName().toString(), MonitorStateFile.toJson(state));
        }
        Action result = state.status() == MonitorState.Status.COMPLETE ? Action.ADVANCE : state.lastAction();
        out.printf("decision: %s (stage %d/%d at %s%%)%n", result, state.stage() + 1, plan.stages().size(),
                plan.stages().get(state.stage()).percent());
        return ExitCode.of(result).code();
    }

    private int usage(String message) {
        parent.main.err.println("error: " + message);
        return ExitCode.USAGE_OR_INPUT.code();
    }

    private static void print(PrintStream out, int index, CanaryPlan plan, Monitor.Step s, List<String> inputNotes) {
        out.printf("window %d (%s to %s), stage %d at %s%%:%n", index, s.window().start(), s.window().end(), s.stage() + 1,
                plan.stages().get(s.stage()).percent());
        s.alerts().forEach(a -> out.println("  " + TerminalText.plain(String.valueOf(a))));
        inputNotes.forEach(n -> out.println("  note: " + TerminalText.plain(n)));
        s.notes().forEach(n -> out.println("  note: " + TerminalText.plain(String.valueOf(n))));
        if (s.srm() != null) out.printf("  sample ratio: chi-square %.3g, p = %.3g%n", s.srm().statistic(), s.srm().p());
        out.println("window " + index + " actions: " + s.actions());
        out.println("  -> " + s.action() + ": " + TerminalText.plain(String.valueOf(s.next().reason())));
    }
}
