package dev.promptarena.cli;

import dev.promptarena.canary.InputRows;
import dev.promptarena.canary.ThompsonAllocation;
import dev.promptarena.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code prompt-arena allocate --counts counts.csv}: Thompson-sampling traffic split advice. */
@Command(name = "allocate", mixinStandardHelpOptions = true,
        description = {"Thompson-sampling traffic split advice.",
                "The split for the next period by Beta-Bernoulli Thompson sampling: each variant gets its posterior"
                        + " probability of having the highest success rate (seeded Monte Carlo over --draws joint draws)."},
        footer = {"", "Counts (CSV or JSONL): variant,successes,failures — one row per variant.",
                "", "When a fixed A/B split is better: when you need an unbiased estimate of the difference with a valid test"
                        + " (adaptive allocation biases the estimates and breaks fixed-horizon tests), when the reward arrives late"
                        + " (retention after 7 days: the bandit adapts to stale data), when the success signal is not the business"
                        + " metric (it will optimize the proxy), or when guardrails need enough control traffic. Use the bandit to cut"
                        + " exposure to a clearly worse variant among several, not to decide whether B beats A (docs/canary.md).",
                "", "Exit codes: 0 advice printed, 2 usage or input error."})
public final class AllocateCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Option(names = "--counts", required = true, paramLabel = "CSV", description = "Per-variant successes and failures.")
    Path counts;

    @Option(names = "--draws", defaultValue = "100000", description = "Posterior draws (default: ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--prior", defaultValue = "1,1", split = ",", paramLabel = "A,B", description = "Beta prior (default: ${DEFAULT-VALUE}, uniform).")
    double[] prior;

    static final int MAX_DRAWS = 10_000_000;

    @Override
    public Integer call() {
        // Above 10 million draws the Monte Carlo error (0.01 points there) is far below any traffic split's meaning, and
        // 2,000,000,000 ran for minutes without a word.
        if (draws < 1000 || draws > MAX_DRAWS) return usage(String.format(java.util.Locale.ROOT, "--draws must be 1,000 to %,d, got %,d", MAX_DRAWS, draws));
        if (prior.length != 2 || !(prior[0] > 0 && prior[1] > 0)) return usage("--prior needs two numbers > 0");
        List<ThompsonAllocation.Arm> arms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (InputRows.Row row : InputRows.read(counts)) {
            String v = row.text("variant");
            if (!seen.add(v)) throw row.error("variant", "'" + v + "' appears twice");
            arms.add(new ThompsonAllocation.Arm(v, row.count("successes"), row.count("failures")));
        }
        if (arms.size() < 2) throw new InputException(counts, 0, null, "need at least two variants, got " + arms.size());
        List<ThompsonAllocation.Share> shares = ThompsonAllocation.split(arms, prior[0], prior[1], draws, seed);
        main.out.printf("Thompson sampling split (Beta(%s, %s) prior, %,d draws, seed %d):%n", prior[0], prior[1], draws, seed);
        for (ThompsonAllocation.Share s : shares) {
            main.out.printf("  %-20s %6.2f%% of traffic  (%d/%d successes, posterior mean %.4f, Monte Carlo SE %.2f points)%n",
                    dev.promptarena.util.TerminalText.plain(s.variant()), 100 * s.share(), s.successes(), s.successes() + s.failures(),
                    s.posteriorMean(), 100 * s.monteCarloSe());
        }
        main.out.println("Note: a fixed A/B split is the better design when you need an unbiased effect estimate and a valid test,");
        main.out.println("when rewards arrive late, or when the success signal is only a proxy (see --help).");
        return ExitCode.PASS.code();
    }

    private int usage(String message) {
        main.err.println("error: " + message);
        return ExitCode.USAGE_OR_INPUT.code();
    }
}
