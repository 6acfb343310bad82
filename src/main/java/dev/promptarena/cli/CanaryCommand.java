package dev.promptarena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code prompt-arena canary}: the rollout after a PASS (plan, window checks). */
@Command(name = "canary", mixinStandardHelpOptions = true, subcommands = {CanaryPlanCommand.class, CanaryCheckCommand.class},
        description = {"After the offline gate passes: write a canary plan from the run, then check monitoring windows against it.",
                "See docs/canary.md."})
public final class CanaryCommand implements Runnable {
    @ParentCommand Main main;
    @Spec CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(main.out); }
}
