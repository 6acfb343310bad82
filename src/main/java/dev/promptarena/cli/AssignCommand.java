package dev.promptarena.cli;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import dev.promptarena.canary.Assigner;
import dev.promptarena.canary.BucketingScheme;
import dev.promptarena.canary.SampleRatio;
import dev.promptarena.input.InputException;
import dev.promptarena.report.CsvTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code prompt-arena assign}: stable variant assignment of ids, and the sample-ratio check of observed counts. */
@Command(name = "assign", mixinStandardHelpOptions = true,
        description = {"Stable variant assignment of ids, and the sample-ratio check.",
                "Assigns ids (one per line, from a file or stdin) to control or treatment with a stable hash and prints"
                        + " id,variant,bucket. With --observed, tests observed counts against the planned split instead (SRM)."},
        footer = {"", "Schemes (docs/canary.md): user = sha256(\"<experiment-id>:<id>\") mod 10,000 below percent x 100;"
                        + " conversation = first 4 bytes of sha256(id) big-endian / 2^32 below the fraction (salt, if given, is prefixed as \"<salt>:\").",
                "", "Examples:", "  prompt-arena assign ids.txt --scheme user --experiment-id model-upgrade-2026-04 --percent 10",
                "  prompt-arena assign --percent 1 --observed control=9810 --observed treatment=190",
                "", "Exit codes: 0 assigned / split consistent, 1 sample-ratio mismatch (p < --srm-alpha), 2 usage or input error."})
public final class AssignCommand implements Callable<Integer> {
    /** The bucketing scheme on the command line. */
    public enum Scheme { user, conversation }

    @ParentCommand Main main;

    @Parameters(index = "0", arity = "0..1", paramLabel = "IDS", description = "File of ids, one per line; - or absent reads stdin.")
    Path ids;

    @Option(names = "--scheme", defaultValue = "user", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Scheme scheme;

    @Option(names = {"--experiment-id", "--salt"}, defaultValue = "", description = "The salt: required by the user scheme, optional for conversation.")
    String salt;

    @Option(names = "--percent", required = true, description = "Treatment share in percent, e.g. 10.")
    double percent;

    @Option(names = "--control", defaultValue = "control", description = "Control variant name (default: ${DEFAULT-VALUE}).")
    String control;

    @Option(names = "--treatment", defaultValue = "treatment", description = "Treatment variant name (default: ${DEFAULT-VALUE}).")
    String treatment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--observed", paramLabel = "VARIANT=COUNT", description = "Observed units of a variant (give both); runs the SRM check.")
    Map<String, Long> observed = new LinkedHashMap<>();

    @Option(names = "--srm-alpha", defaultValue = "0.001", description = "SRM alarm level (default: ${DEFAULT-VALUE}).")
    double srmAlpha;

    @Override
    public Integer call() throws IOException {
        if (!(percent >= 0 && percent <= 100)) return usage("--percent must be in [0, 100], got " + percent);
        if (control.equals(treatment)) return usage("--control and --treatment must differ");
        if (!observed.isEmpty()) return srm();
        if (scheme == Scheme.user && salt.isEmpty()) return usage("the user scheme needs --experiment-id (its salt)");
        Assigner assigner = new Assigner(scheme == Scheme.user ? BucketingScheme.USER : BucketingScheme.CONVERSATION,
                salt, percent / 100, control, treatment);
        boolean stdin = ids == null || ids.toString().equals("-");
        if (!stdin) dev.promptarena.input.ReadErrors.requireNotFolder(ids);
        if (!stdin && !Files.isRegularFile(ids)) throw new InputException(ids, "no such file");
        // Not closed: closing it would close the process's stdout.
        ICSVWriter csv = new CSVWriter(new PrintWriter(main.out, false, StandardCharsets.UTF_8), ',', '"', '"', "\n");
        try (BufferedReader in = stdin ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(ids, StandardCharsets.UTF_8)) {
            String line;
            boolean any = false;
            while ((line = in.readLine()) != null) {
                String id = line.strip();
                if (id.isEmpty()) continue; // blank lines are not ids
                // The header waits for the first id: an IDS file without one is an error with nothing printed.
                if (!any) csv.writeNext(new String[] {"id", "variant", "bucket"}, false);
                any = true;
                Assigner.Assignment a = assigner.assign(id);
                // ids come from outside: neutralize spreadsheet formulas like every other CSV the tool writes.
                csv.writeNext(new String[] {CsvTable.safe(a.id()), a.variant(), Long.toString(a.bucket())}, false);
            }
            // A pipe may carry no ids (nothing new to assign): a header alone, as before. A file without one is a wrong file.
            if (!any && !stdin) throw new InputException(ids, 1, null, "no ids in the file (one id a line)");
            if (!any) csv.writeNext(new String[] {"id", "variant", "bucket"}, false);
            csv.flush();
        } catch (NoSuchFileException e) {
            throw new InputException(ids, "no such file");
        }
        return ExitCode.PASS.code();
    }

    private int srm() {
        // A map option keeps the last of a repeated key: "--observed control=10 --observed control=20" said only
        // "needs exactly control=N and treatment=N, got [control]".
        var given = spec.commandLine().getParseResult().matchedOption("--observed");
        Map<String, String> first = new LinkedHashMap<>();
        for (String v : given == null ? List.<String>of() : given.originalStringValues()) {
            String key = v.contains("=") ? v.substring(0, v.indexOf('=')) : v;
            String earlier = first.putIfAbsent(key, v);
            if (earlier != null) return usage("--observed " + key + " is given twice (" + earlier + " and " + v + "); give each variant once");
        }
        Long c = observed.get(control), t = observed.get(treatment);
        if (c == null || t == null || observed.size() != 2) {
            return usage("--observed needs exactly " + control + "=N and " + treatment + "=N, got " + observed.keySet());
        }
        for (Map.Entry<String, Long> e : observed.entrySet()) {
            if (e.getValue() < 0) return usage("--observed " + e.getKey() + ": a count of units must be >= 0, got " + e.getValue());
        }
        double f = percent / 100;
        if (f <= 0 || f >= 1) return usage("--percent must be strictly between 0 and 100 for the SRM check");
        SampleRatio r = SampleRatio.test(new long[] {c, t}, new double[] {1 - f, f});
        boolean bad = r.mismatch(srmAlpha);
        main.out.printf("SRM: %s=%d %s=%d planned %.4g%% treatment; chi-square %.4g (df %d), p = %.4g: %s%n", control, c, treatment, t,
                percent, r.statistic(), r.df(), r.p(), bad ? "SAMPLE RATIO MISMATCH (check assignment and logging before reading any metric)" : "consistent with the plan");
        return bad ? ExitCode.FAIL.code() : ExitCode.PASS.code();
    }

    private int usage(String message) {
        main.err.println("error: " + message);
        return ExitCode.USAGE_OR_INPUT.code();
    }
}
