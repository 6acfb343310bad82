package dev.promptarena.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.promptarena.config.InputException;
import dev.promptarena.stats.OutcomesFile;
import dev.promptarena.stats.PilotSummary;
import dev.promptarena.stats.SampleSize;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prompt-arena plan KIND}: how many cases a test needs, or what effect a given size can detect,
 * before spending money on a run. The formulas are those of {@link SampleSize}, which match the tests
 * the gate runs, so the plan predicts the gate's power.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Plan a test: cases needed for a given effect, or the effect a given size can detect.",
                "KIND: proportions (two independent arms), winrate (the gate's pairwise win rate),",
                "paired (a per-case score difference; SD from --pilot or --sd), mde (minimum detectable effect for --n),",
                "sequential (a group-sequential win-rate design: boundaries, maximum and expected cases)."},
        footer = {"", "Examples:",
                "  prompt-arena plan proportions --baseline 0.60 --mde 0.05",
                "  prompt-arena plan winrate --win-rate 0.60 --tie-rate 0.2",
                "  prompt-arena plan paired --pilot reports/pilot-run --axis accuracy --mde 0.2",
                "  prompt-arena plan mde --metric winrate --n 200 --tie-rate 0.2",
                "  prompt-arena plan sequential --looks 4 --spending obrien_fleming --win-rate 0.6 --tie-rate 0.2"})
public final class PlanCommand implements Callable<Integer> {
    /** What to plan. */
    public enum Kind { proportions, winrate, paired, mde, sequential }

    /** The metric an {@code mde} plan is for. */
    public enum Metric { winrate, proportions, paired }

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "One of: ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Two-sided significance level (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--power", defaultValue = "0.8", description = "Power, 1 - beta (default: ${DEFAULT-VALUE}).")
    double power;

    @Option(names = "--baseline", description = "proportions: the control's rate, e.g. 0.60.")
    Double baseline;

    @Option(names = "--mde", description = "proportions: smallest lift worth detecting (rate points); paired: smallest mean difference.")
    Double mde;

    @Option(names = "--win-rate", description = "winrate: B's expected win rate, ties counting half, e.g. 0.60.")
    Double winRate;

    @Option(names = "--tie-rate", defaultValue = "0", description = "winrate/mde: expected share of ties and order-inconsistent verdicts (default: ${DEFAULT-VALUE}).")
    double tieRate;

    @Option(names = "--margin", defaultValue = "0", description = "winrate/mde: non-inferiority margin; 0 plans a superiority test (default: ${DEFAULT-VALUE}).")
    double margin;

    @Option(names = "--pilot", paramLabel = "RUN_DIR", description = "paired/mde: a finished run folder whose outcomes.jsonl gives the SD of differences.")
    Path pilot;

    @Option(names = "--axis", description = "paired/mde: the rubric axis to plan for (required when the pilot has several).")
    String axis;

    @Option(names = "--sd", description = "paired/mde: SD of the per-case differences, instead of --pilot.")
    Double sd;

    @Option(names = "--n", description = "mde: cases available (per arm for proportions).")
    Integer n;

    @Option(names = "--metric", defaultValue = "winrate", description = "mde: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Metric metric;

    @CommandLine.ArgGroup(exclusive = false, heading = "sequential:%n")
    PlanSequential sequentialOptions = new PlanSequential();

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("kind", kind.name());
        plan.put("alpha", alpha);
        plan.put("power", power);
        List<String> lines;
        try {
            lines = switch (kind) {
                case proportions -> proportions(plan);
                case winrate -> winrate(plan);
                case paired -> paired(plan);
                case mde -> mde(plan);
                case sequential -> sequentialOptions.plan(plan, require(winRate, "--win-rate"), tieRate, alpha, power);
            };
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "plan " + kind + ": " + e.getMessage());
        }
        if (json) spec.commandLine().getOut().println(toJson(plan));
        else lines.forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        return ExitCode.PASS.code();
    }

    private List<String> proportions(Map<String, Object> plan) {
        double base = require(baseline, "--baseline"), lift = require(mde, "--mde");
        SampleSize.TwoArm r = SampleSize.twoProportions(base, lift, alpha, power);
        plan.put("baseline", base);
        plan.put("mde", lift);
        plan.put("perArm", r.perArm());
        plan.put("total", r.total());
        return List.of(String.format("Two independent arms, %.3f -> %.3f (two-sided alpha %.3g, power %.2f):", base, base + lift, alpha, power),
                String.format("  %,d per arm, %,d in total.", r.perArm(), r.total()));
    }

    private List<String> winrate(Map<String, Object> plan) {
        double p = require(winRate, "--win-rate"), threshold = 0.5 - margin;
        int cases = SampleSize.winRate(p, tieRate, threshold, alpha, power);
        plan.put("winRate", p);
        plan.put("tieRate", tieRate);
        plan.put("threshold", threshold);
        plan.put("cases", cases);
        return List.of(String.format("Pairwise win rate %.3f vs %.3f (%s), tie rate %.2f (two-sided alpha %.3g, power %.2f):",
                        p, threshold, margin == 0 ? "superiority" : "non-inferiority, margin " + margin, tieRate, alpha, power),
                String.format("  %,d judged cases (scored: add headroom for generation errors and unparseable verdicts).", cases));
    }

    private List<String> paired(Map<String, Object> plan) {
        double sdDiff = sdFromInputs(plan);
        Double observed = (Double) plan.get("pilotMeanDifference");
        double effect = mde != null ? mde : observed == null || observed == 0 ? require(null, "--mde") : Math.abs(observed);
        int pairs = SampleSize.paired(sdDiff, effect, alpha, power);
        plan.put("mde", effect);
        plan.put("cases", pairs);
        return List.of(String.format("Paired difference %.3f with SD of differences %.3f%s (two-sided alpha %.3g, power %.2f):",
                        effect, sdDiff, mde == null ? " (the pilot's observed difference: optimistic if the pilot was lucky)" : "", alpha, power),
                String.format("  %,d cases.", pairs));
    }

    private List<String> mde(Map<String, Object> plan) {
        int size = require(n, "--n");
        plan.put("metric", metric.name());
        plan.put("n", size);
        double effect;
        String what;
        switch (metric) {
            case winrate -> {
                double threshold = 0.5 - margin;
                effect = SampleSize.mdeWinRate(size, tieRate, threshold, alpha, power);
                what = String.format("win rate %.3f (%.3f above %.3f) with tie rate %.2f", threshold + effect, effect, threshold, tieRate);
            }
            case proportions -> {
                double base = require(baseline, "--baseline");
                effect = SampleSize.mdeTwoProportions(base, size, alpha, power);
                what = String.format("a lift of %.4f from %.3f (%d per arm)", effect, base, size);
            }
            default -> {
                double sdDiff = sdFromInputs(plan);
                effect = SampleSize.mdePaired(sdDiff, size, alpha, power);
                what = String.format("a mean paired difference of %.3f (SD of differences %.3f)", effect, sdDiff);
            }
        }
        plan.put("mde", Double.isNaN(effect) ? null : effect);
        if (Double.isNaN(effect)) return List.of(String.format("With n = %,d no effect is detectable at power %.2f.", size, power));
        return List.of(String.format("With n = %,d (two-sided alpha %.3g, power %.2f) the smallest detectable effect is %s.", size, alpha, power, what));
    }

    /** SD of differences from --sd or from the pilot run (recording the pilot's numbers in the plan). */
    private double sdFromInputs(Map<String, Object> plan) {
        if (sd != null) {
            plan.put("sd", sd);
            return sd;
        }
        if (pilot == null) throw new IllegalArgumentException("give --pilot RUN_DIR or --sd");
        var outcomes = OutcomesFile.readRunDir(pilot);
        List<String> axes = PilotSummary.axes(outcomes);
        Path file = pilot.resolve(OutcomesFile.NAME);
        if (axis == null && axes.size() != 1) throw new InputException(file, 0, "--axis", "the pilot scores several axes, choose one of " + axes);
        // Axis names are rubric display names ("Policy citation"); match them case-insensitively.
        String chosen = axis == null ? axes.get(0) : axes.stream().filter(axis::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> new InputException(file, 0, "--axis", "no votes score '" + axis + "'; axes in the pilot: " + axes));
        PilotSummary s = PilotSummary.of(outcomes, chosen);
        plan.put("pilot", pilot.toString());
        plan.put("axis", s.axis());
        plan.put("pilotCases", s.cases());
        plan.put("pilotMeanDifference", s.meanDifference());
        plan.put("sd", s.sdDifference());
        if (s.sdDifference() == 0) throw new IllegalArgumentException("the pilot's differences on '" + chosen + "' do not vary; give --sd");
        return s.sdDifference();
    }

    private static <T> T require(T value, String option) {
        if (value == null) throw new IllegalArgumentException("missing " + option);
        return value;
    }

    private static String toJson(Map<String, Object> plan) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a plan", e);
        }
    }
}
