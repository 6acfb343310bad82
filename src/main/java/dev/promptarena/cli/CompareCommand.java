package dev.promptarena.cli;

import dev.promptarena.report.JudgeComparison;
import dev.promptarena.run.Manifest;
import dev.promptarena.run.ManifestFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code prompt-arena compare <run-dir-1> <run-dir-2>}: were the two runs judged the same way? */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Check that two runs were judged the same way (judge models, providers, template and rubric hashes,"
                + " order policy, samples, decoding) before comparing their results.",
        footer = {"", "Exit codes: 0 same judging, 1 the judges differ (the runs' win rates are not comparable), 2 input error."})
public final class CompareCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(index = "0", paramLabel = "RUN_DIR_1", description = "The earlier run folder.")
    Path first;

    @Parameters(index = "1", paramLabel = "RUN_DIR_2", description = "The later run folder.")
    Path second;

    @Override
    public Integer call() {
        Manifest a = ManifestFactory.read(first.resolve("manifest.json"));
        Manifest b = ManifestFactory.read(second.resolve("manifest.json"));
        List<String> diffs = JudgeComparison.differences(a, b);
        if (diffs.isEmpty()) {
            main.out.println("Same judging in both runs: " + a.judge().model() + " (" + a.judge().order() + ", " + a.judge().samples() + " sample(s)).");
            return ExitCode.PASS.code();
        }
        main.out.println("warning: the two runs were judged differently, so their results are not comparable:");
        diffs.forEach(d -> main.out.println("  " + d));
        return ExitCode.FAIL.code();
    }
}
