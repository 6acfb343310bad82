package dev.promptarena.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.promptarena.planning.Plan;
import dev.promptarena.planning.PlanRequest;
import dev.promptarena.planning.PlanRequest.Kind;
import dev.promptarena.planning.PlanRequest.Metric;
import dev.promptarena.planning.Planner;
import dev.promptarena.stats.tournament.Schedule;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prompt-arena plan KIND}: how many cases a test needs, or what effect a given size can detect,
 * before spending money on a run. The command only parses options; {@link Planner} computes the plan.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Plan a test: cases needed for a given effect, or the effect a given size can detect.",
                "KIND: proportions (two independent arms), winrate (the gate's pairwise win rate),"
                        + " paired (a per-case score difference; SD from --pilot or --sd), mde (minimum detectable effect for --n),"
                        + " tournament (cases and judge calls to separate k variants with --scores),"
                        + " sequential (a group-sequential win-rate design: boundaries, maximum and expected cases)."},
        footer = {"", "Examples:",
                "  prompt-arena plan proportions --baseline 0.60 --mde 0.05",
                "  prompt-arena plan winrate --win-rate 0.60 --tie-rate 0.2",
                "  prompt-arena plan paired --pilot reports/pilot-run --axis accuracy --mde 0.2",
                "  prompt-arena plan mde --metric winrate --n 200 --tie-rate 0.2",
                "  prompt-arena plan tournament --scores 0,0.2,0.4,0.6 --position 0.3 --tie-rate 0.2 --schedule round_robin",
                "  prompt-arena plan sequential --looks 4 --spending obrien_fleming --win-rate 0.6 --tie-rate 0.2"})
public final class PlanCommand implements Callable<Integer> {
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

    @Option(names = "--scores", split = ",", paramLabel = "S0,S1,...", description = "tournament: true Bradley–Terry scores (log-strengths), control first.")
    List<Double> scores;

    @Option(names = "--position", defaultValue = "0", description = "tournament: the judge's first-slot advantage, log-odds (default: ${DEFAULT-VALUE}).")
    double position;

    @Option(names = "--schedule", defaultValue = "ROUND_ROBIN", converter = ScheduleConverter.class,
            completionCandidates = OptionNames.ScheduleNames.class,
            description = "tournament: round_robin, vs_control or adaptive (planned as its stage one, the adaptive budget printed apart) (default: round_robin).")
    Schedule schedule;

    @CommandLine.ArgGroup(exclusive = false, heading = "sequential:%n")
    PlanSequential sequential = new PlanSequential();

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Plan plan;
        // --scores is one list: repeated, picocli joined the lists ("--scores 0,0.1 --scores 0,0.2" planned 4 variants,
        // then said variants 0 and 2 have equal scores), as no other option of plan accepts being given twice.
        var scoresGiven = spec.commandLine().getParseResult().matchedOption("--scores");
        if (scoresGiven != null && scoresGiven.originalStringValues().size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "plan " + kind + ": option '--scores' should be specified only once"
                    + " (one comma-separated list, control first, e.g. --scores 0,0.2,0.4), got: "
                    + String.join(" and ", scoresGiven.originalStringValues()));
        }
        try {
            plan = Planner.plan(new PlanRequest(kind, alpha, power, baseline, mde, winRate, tieRate, margin, pilot, axis, sd, n, metric,
                    kind == Kind.tournament ? new PlanRequest.Tournament(scores, position, schedule) : null,
                    sequential.options()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "plan " + kind + ": " + e.getMessage());
        }
        if (json) spec.commandLine().getOut().println(toJson(plan));
        else plan.lines().forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        return ExitCode.PASS.code();
    }

    private static String toJson(Plan plan) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a plan", e);
        }
    }

    /** Accepts the schedule in the config's spelling (round_robin) or the enum's. */
    static final class ScheduleConverter implements CommandLine.ITypeConverter<Schedule> {
        @Override
        public Schedule convert(String value) {
            try {
                return Schedule.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected one of vs_control, round_robin, adaptive, got: " + value);
            }
        }
    }
}
