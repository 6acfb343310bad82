package dev.promptarena.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptarena.canary.BaselineLimits;
import dev.promptarena.canary.BucketingScheme;
import dev.promptarena.canary.CanaryPlan;
import dev.promptarena.canary.CanaryPlanFile;
import dev.promptarena.canary.Direction;
import dev.promptarena.canary.Guardrail;
import dev.promptarena.canary.JudgeMeans;
import dev.promptarena.canary.Response;
import dev.promptarena.canary.SampleRatio;
import dev.promptarena.canary.Stage;
import dev.promptarena.canary.StageSizes;
import dev.promptarena.canary.UnitsPerHour;
import dev.promptarena.decision.Outcome;
import dev.promptarena.input.InputException;
import dev.promptarena.util.TerminalText;
import dev.promptarena.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code prompt-arena canary plan RUN_DIR}: the rollout plan for a candidate that passed the offline gate. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Write canary-plan.yaml for a run that PASSed.",
                "Ramp stages with minimum durations, guardrail limits derived"
                        + " from the run's offline measurements of B (or supplied with --limit), routing key and salt, and the units each"
                        + " stage needs to detect the pre-registered online effect (--baseline, --mde)."},
        footer = {"", "Exit codes: 0 plan written; 1, 3 or 4 the run's own decision was FAIL, INCONCLUSIVE or RUN_ERROR (no plan:"
                        + " a canary needs a PASS); 2 usage or input error (not a run folder, bad option, plan exists without --force)."})
public final class CanaryPlanCommand implements Callable<Integer> {
    /** Provenance key: the hash of the judge and rubric of --judge-baseline's scoring ({@link JudgeMeans#instrument}). */
    static final String JUDGE_INSTRUMENT = "judge_instrument_sha256";
    private static final Pattern LIMIT = Pattern.compile("([A-Za-z0-9_.]+)\\s*(<=|>=)\\s*([-+0-9.eE]+)");

    @ParentCommand CanaryCommand parent;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A finished run folder whose decision is PASS.")
    Path runDir;

    @Option(names = "--out", paramLabel = "YAML", description = "Where to write the plan (default: RUN_DIR/canary-plan.yaml).")
    Path out;

    @Option(names = "--force", description = "Overwrite an existing plan.")
    boolean force;

    @Option(names = "--experiment-id", description = "Experiment id (default: the run id).")
    String experimentId;

    @Option(names = "--scheme", defaultValue = "user", description = "Routing scheme: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    AssignCommand.Scheme scheme;

    @Option(names = "--routing-key", description = "Field the router hashes (default: user_id or conversation_id).")
    String routingKey;

    @Option(names = "--control", defaultValue = "control", description = "Control variant name in the monitoring data (default: ${DEFAULT-VALUE}).")
    String control;

    @Option(names = "--treatment", defaultValue = "treatment", description = "Treatment variant name (default: ${DEFAULT-VALUE}).")
    String treatment;

    @Option(names = "--headroom", defaultValue = "0.2", description = "Relative headroom over B's offline levels (default: ${DEFAULT-VALUE}).")
    double headroom;

    @Option(names = "--consecutive-windows", defaultValue = "2", description = "Windows in a row that make a breach sustained (default: ${DEFAULT-VALUE}).")
    int windows;

    @Option(names = "--limit", paramLabel = "METRIC<=V|METRIC>=V", description = "A supplied limit; replaces a derived one of the same metric.")
    List<String> limits = new ArrayList<>();

    @Option(names = "--action", paramLabel = "METRIC=ACTION", description = "review, pause or rollback for a supplied limit (default: pause).")
    Map<String, String> actions = new LinkedHashMap<>();

    @Option(names = "--stages", defaultValue = "1:2,5:6,20:24,50:48,100:0", description = "PERCENT:MIN_HOURS,... (default: ${DEFAULT-VALUE}).")
    String stages;

    @Option(names = "--baseline", description = "Control's rate of the online primary metric (e.g. task completion 0.60).")
    Double baseline;

    @Option(names = "--mde", description = "Pre-registered online effect to detect on that rate (rate points, e.g. 0.05).")
    Double mde;

    @Option(names = "--power", defaultValue = "0.8", description = "Power for the stage sizes (default: ${DEFAULT-VALUE}).")
    double power;

    @Option(names = "--units-per-hour", paramLabel = "N|METRIC=N",
            description = {"All traffic per hour; with it, rate guardrails get per-stage limits for the stage's window size.",
                    "METRIC=N (repeatable) counts one rate's own units, e.g. task_completed_rate=35000 (turns) beside 10000",
                    "(requests) for every other rate."})
    List<String> unitsPerHour = new ArrayList<>();

    @Option(names = "--window-hours", defaultValue = "1", description = "Monitoring window length, for --units-per-hour (default: ${DEFAULT-VALUE}).")
    double windowHours;

    @Option(names = "--judge-baseline", paramLabel = "SCORE_DIR",
            description = "A `prompt-arena score` folder (e.g. the control's traces of a stable period): judge_<axis>_mean limits from its means.")
    Path judgeBaseline;

    @Override
    public Integer call() throws IOException {
        Path reportFile = runDir.resolve("report.json");
        if (!Files.isRegularFile(reportFile)) throw new InputException(runDir, "not a finished run folder (no report.json)");
        JsonNode report;
        try {
            report = RunDirectory.JSON.readTree(reportFile.toFile());
        } catch (IOException e) {
            throw new InputException(reportFile, "cannot read: " + e.getMessage());
        }
        if ("tournament".equals(report.path("kind").asText())) return tournament(report);
        String outcome = report.path("analysis").path("decision").path("outcome").asText("");
        if (!outcome.equals("PASS")) {
            parent.main.err.println("error: " + runDir + ": the run's decision is " + (outcome.isEmpty() ? "missing" : outcome)
                    + "; a canary plan needs a PASS (nothing written)");
            try {
                return ExitCode.of(Outcome.valueOf(outcome)).code();
            } catch (IllegalArgumentException e) {
                return ExitCode.USAGE_OR_INPUT.code();
            }
        }
        if (!(headroom >= 0 && headroom < 1)) return usage("--headroom must be in [0, 1), got " + headroom);
        if (windows < 1) return usage("--consecutive-windows must be >= 1, got " + windows);
        if ((baseline == null) != (mde == null)) return usage("give both --baseline and --mde, or neither");
        UnitsPerHour traffic;
        try {
            traffic = UnitsPerHour.parse(unitsPerHour);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (!(windowHours > 0)) return usage("--window-hours must be > 0, got " + windowHours);
        Path target = out != null ? out : runDir.resolve("canary-plan.yaml");
        if (Files.exists(target) && !force) return usage(target + " exists; use --force to replace it");
        // --force replaces a plan, not a folder; and a file where the plan's folder goes failed after the work (exit 4).
        OutputFiles.requireFileTarget(target, "--out");
        OutputFiles.requireFolderTarget(target.toAbsolutePath().getParent(), "--out");
        // The real folder: reports/latest (the link every run updates, the path CI reads) would otherwise name the run
        // "latest" and make "latest" the default experiment id, the routing salt of every experiment planned that way.
        String runId = runDir.toRealPath().getFileName().toString();
        String exp = experimentId != null ? experimentId : runId;
        BucketingScheme bs = scheme == AssignCommand.Scheme.user ? BucketingScheme.USER : BucketingScheme.CONVERSATION;
        List<Guardrail> derived = new ArrayList<>(BaselineLimits.derive(report, headroom, windows));
        String instrument = null;
        if (judgeBaseline != null) {
            derived.addAll(BaselineLimits.judge(JudgeMeans.read(judgeBaseline), headroom, windows, judgeBaseline.getFileName().toString()));
            instrument = JudgeMeans.instrument(judgeBaseline);
        }
        List<Guardrail> guardrails = mergeSupplied(derived);
        try {
            traffic.requireRates(guardrails);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        double alpha = report.path("manifest").path("policy").path("alpha").asDouble(0.05);
        CanaryPlan plan;
        try {
            plan = new CanaryPlan(exp, bs, routingKey != null ? routingKey : bs == BucketingScheme.USER ? "user_id" : "conversation_id",
                    bs == BucketingScheme.USER ? exp : "", control, treatment, SampleRatio.DEFAULT_ALPHA, guardrails, stages(alpha, guardrails, traffic),
                    provenance(report, runId, instrument));
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        Map<String, Object> primary = null;
        if (baseline != null) {
            primary = new LinkedHashMap<>();
            primary.put("baseline", baseline);
            primary.put("mde", mde);
            primary.put("alpha", alpha);
            primary.put("power", power);
        }
        List<String> header = List.of("Canary plan written by prompt-arena canary plan from run " + runId + " (decision PASS).",
                "Limits marked 'offline' come from B's golden-set measurements: replace them with a stable period's values when",
                "you have them. Check windows with: prompt-arena canary check --plan THIS --windows metrics.csv --state state.json");
        Files.createDirectories(target.toAbsolutePath().getParent());
        RunDirectory.open(target.toAbsolutePath().getParent()).writeText(target.getFileName().toString(), CanaryPlanFile.write(plan, primary, header));
        parent.main.out.printf("Wrote %s: %d stages, %d guardrails (%s), routing %s by %s%n", target, plan.stages().size(), guardrails.size(),
                String.join(", ", guardrails.stream().map(Guardrail::metric).toList()), bs.name().toLowerCase(Locale.ROOT), plan.routingKey());
        if (judgeBaseline == null && report.path("analysis").path("axes").size() > 0) {
            parent.main.out.println("No judge guardrail: the run's axis means are pairwise and online `score` is pointwise, so they cannot be"
                    + " compared; give --judge-baseline SCORE_DIR (a `prompt-arena score` of a stable period) for judge_<axis>_mean limits.");
        }
        return ExitCode.PASS.code();
    }

    /**
     * A tournament's folder has no single candidate B: its report.json holds no B measurements, so a plan from it had no
     * derived guardrail but error_rate and named no candidate. The plan belongs to one candidate against the control,
     * whose pairing folder is a complete two-variant run: name it (the best passing one) and write nothing.
     */
    private int tournament(JsonNode report) {
        JsonNode decision = report.path("analysis").path("decision");
        String best = decision.path("outcome").asText("").equals("PASS") ? decision.path("best").asText(null) : null;
        String control = report.path("layout").path("variants").path(0).asText(null); // tournament.json lists the control first
        String hint = "";
        for (JsonNode pair : report.path("layout").path("pairs")) {
            String a = pair.path("a").asText(), b = pair.path("b").asText();
            if (best != null && control != null && (a.equals(control) && b.equals(best) || a.equals(best) && b.equals(control))) {
                hint = "; its best passing candidate is " + TerminalText.plain(best) + ": "
                        + TerminalText.plain(runDir.resolve(pair.path("dir").asText()).toString());
            }
        }
        parent.main.err.println("error: " + TerminalText.plain(runDir.toString()) + ": a tournament has no single candidate; "
                + PairingFolders.instead(runDir, "canary plan") + ", the one of the candidate to roll out" + hint + " (nothing written)");
        return ExitCode.USAGE_OR_INPUT.code();
    }

    private List<Guardrail> mergeSupplied(List<Guardrail> derived) {
        Map<String, Guardrail> byMetric = new LinkedHashMap<>();
        derived.forEach(g -> byMetric.put(g.metric(), g));
        for (String l : limits) {
            Matcher m = LIMIT.matcher(l.strip());
            if (!m.matches()) throw new InputException(null, 0, "--limit", "expected METRIC<=VALUE or METRIC>=VALUE, got '" + l + "'");
            double v;
            try {
                v = Double.parseDouble(m.group(3));
            } catch (NumberFormatException e) {
                throw new InputException(null, 0, "--limit", "not a number in '" + l + "'");
            }
            String action = actions.getOrDefault(m.group(1), "pause");
            Response r;
            try {
                r = Response.valueOf(action.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InputException(null, 0, "--action", "expected review, pause or rollback for " + m.group(1) + ", got '" + action + "'");
            }
            byMetric.put(m.group(1), new Guardrail(m.group(1), m.group(2).equals("<=") ? Direction.MAX : Direction.MIN, v, windows, r, null, "supplied"));
        }
        for (String metric : actions.keySet()) {
            if (!byMetric.containsKey(metric)) throw new InputException(null, 0, "--action", "no guardrail has the metric '" + metric + "'");
        }
        return new ArrayList<>(byMetric.values());
    }

    private List<Stage> stages(double alpha, List<Guardrail> guardrails, UnitsPerHour traffic) {
        List<Stage> out = new ArrayList<>();
        for (String part : stages.split(",")) {
            String[] pv = part.strip().split(":");
            if (pv.length != 2) throw new InputException(null, 0, "--stages", "expected PERCENT:MIN_HOURS, got '" + part + "'");
            double pct, hours;
            try {
                pct = Double.parseDouble(pv[0]);
                hours = Double.parseDouble(pv[1]);
            } catch (NumberFormatException e) {
                throw new InputException(null, 0, "--stages", "not a number in '" + part + "'");
            }
            long[] sizes = baseline == null || pct <= 0 || pct > 100 ? null : StageSizes.at(pct / 100, baseline, mde, alpha, power);
            // Per-stage rate limits need the stage's window size; 1% per-window alerts at a true rate on the limit.
            Map<String, Double> limits = pct <= 0 || pct > 100 ? Map.of() : traffic.stageLimits(guardrails, pct, windowHours);
            out.add(new Stage(pct, hours, limits, sizes == null ? null : sizes[0], sizes == null ? null : sizes[1]));
        }
        return out;
    }

    private static Map<String, String> provenance(JsonNode report, String runId, String judgeInstrument) {
        JsonNode m = report.path("manifest");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("run_id", runId);
        p.put("arena", m.path("arena").asText(""));
        p.put("config_sha256", m.path("configSha256").asText(""));
        p.put("dataset_sha256", m.path("datasetSha256").asText(""));
        p.put("decision", "PASS");
        p.put("win_rate", report.path("analysis").path("decision").path("winRate").asText(""));
        // canary check --scores refuses means from another judge or rubric than the one the judge limits came from.
        if (judgeInstrument != null) p.put(JUDGE_INSTRUMENT, judgeInstrument);
        return p;
    }

    private int usage(String message) {
        parent.main.err.println("error: " + message);
        return ExitCode.USAGE_OR_INPUT.code();
    }
}
