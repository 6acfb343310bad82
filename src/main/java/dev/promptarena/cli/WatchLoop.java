package dev.promptarena.cli;

import dev.promptarena.compare.Comparison;
import dev.promptarena.compare.RunComparison;
import dev.promptarena.compare.RunSnapshot;
import dev.promptarena.input.InputException;
import dev.promptarena.input.YamlNode;
import dev.promptarena.report.Fmt;
import dev.promptarena.util.TerminalText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code run --watch}: runs, then re-runs whenever the config, a prompt file, the rubric, the golden set, the judge
 * template or a recorded-responses file changes. Each iteration is a normal run (its own folder, the shared cache,
 * so only what changed is called again) followed by a compact diff against the previous iteration. An input error
 * is printed and the loop waits for the next change.
 */
final class WatchLoop {
    /** What one iteration runs: the exit code and the run folder it wrote (null when none). */
    interface Iteration { Result run() throws Exception; }

    record Result(int exitCode, Path runDir) {}

    private WatchLoop() {}

    static int run(Path config, Map<String, String> env, ChangeSource source, Iteration iteration, java.io.PrintStream out,
                   java.io.PrintStream err) throws Exception {
        Path previous = null;
        int code = ExitCode.USAGE_OR_INPUT.code();
        for (int n = 1; ; n++) {
            out.println("== watch: iteration " + n + " ==");
            try {
                Result r = iteration.run();
                code = r.exitCode();
                if (previous != null && r.runDir() != null) out.println(diff(previous, r.runDir()));
                if (r.runDir() != null) previous = r.runDir();
            } catch (InputException e) {
                // As Main prints it: the message may quote the golden set (a duplicate id), untrusted text.
                err.println("error: " + TerminalText.plain(e.describe()));
                code = ExitCode.USAGE_OR_INPUT.code();
            }
            List<Path> files = watchedFiles(config, env);
            out.println("watching " + files.size() + " file(s) for changes (Ctrl-C to stop)");
            List<Path> changed = source.awaitChange(files);
            if (changed.isEmpty()) return code;
            out.println("changed: " + String.join(", ", changed.stream().map(p -> p.getFileName().toString()).toList()));
        }
    }

    /** One or two lines: the decision and win rate before and after, flips, and the axes that moved. */
    static String diff(Path before, Path after) {
        RunSnapshot a = RunSnapshot.read(before), b = RunSnapshot.read(after);
        Comparison c = RunComparison.compare(a, b, 0.05);
        StringBuilder sb = new StringBuilder("since the previous iteration: ");
        sb.append(a.decision()).append(" -> ").append(b.decision()).append("; B's win rate ").append(Fmt.pct(c.winRateFirst())).append(" -> ")
                .append(Fmt.pct(c.winRateSecond())).append(" (").append(Fmt.signed(c.winRate().estimate() * 100, 1)).append(" pts");
        if (c.winRate().interval() != null) {
            sb.append(", 95% interval ").append(Fmt.signed(c.winRate().interval().lower() * 100, 1)).append(" to ")
                    .append(Fmt.signed(c.winRate().interval().upper() * 100, 1));
        }
        long lost = c.flips().stream().filter(f -> f.to().equals("loss")).count();
        sb.append("); flipped ").append(lost).append(" win->loss, ").append(c.flips().size() - lost).append(" loss->win");
        List<String> axes = new ArrayList<>();
        for (Comparison.AxisDelta d : c.axes()) if (Math.abs(d.delta().estimate()) >= 0.005) axes.add(d.axis() + " " + Fmt.signed(d.delta().estimate(), 2));
        if (!axes.isEmpty()) sb.append("\n  axes (B - A): ").append(String.join(", ", axes));
        if (!c.judgingDifferences().isEmpty()) sb.append("\n  judged differently: ").append(String.join("; ", c.judgingDifferences()));
        return sb.toString();
    }

    /** The config and every file it names that shapes the run: dataset, rubric, prompt files, judge template, responses. */
    static List<Path> watchedFiles(Path config, Map<String, String> env) {
        Set<Path> out = new LinkedHashSet<>();
        out.add(config.toAbsolutePath().normalize());
        try {
            YamlNode root = YamlNode.load(config, env);
            for (String key : List.of("dataset", "rubric")) add(out, root.get(key));
            YamlNode variants = root.get("variants");
            if (variants != null && variants.isMapping()) {
                for (YamlNode v : variants.entries().values()) {
                    if (!v.isMapping()) continue;
                    for (String key : List.of("system_file", "user_file", "responses")) add(out, v.get(key));
                }
            }
            YamlNode judge = root.get("judge");
            if (judge != null && judge.isMapping()) add(out, judge.get("template"));
        } catch (InputException | IllegalStateException broken) {
            // A config that does not parse is still watched, so fixing it starts the next run.
        }
        return List.copyOf(out);
    }

    private static void add(Set<Path> out, YamlNode node) {
        if (node == null || !node.isScalar()) return;
        Path p = node.resolvePath();
        if (Files.exists(p)) out.add(p);
    }
}
