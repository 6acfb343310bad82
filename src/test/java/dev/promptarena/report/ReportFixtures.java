package dev.promptarena.report;

import dev.promptarena.analysis.AnalysisOptions;
import dev.promptarena.analysis.AnalysisResult;
import dev.promptarena.analysis.ArenaAnalysis;
import dev.promptarena.decision.Decision;
import dev.promptarena.decision.DecisionPolicy;
import dev.promptarena.decision.GuardrailSpec;
import dev.promptarena.judge.JudgeStatus;
import dev.promptarena.judge.JudgeTrace;
import dev.promptarena.run.CaseRecord;
import dev.promptarena.run.Manifest;
import dev.promptarena.stats.ClusterBootstrap;
import dev.promptarena.stats.Side;
import dev.promptarena.stats.Winner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Report models for tests: realistic numbers from the real analysis, and hostile text everywhere text can go. */
public final class ReportFixtures {
    /** Markup an attacker could put into a model output, a golden case or a judge reason. */
    public static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">",
            "<a href=\"javascript:alert(1)\">click me</a>",
            "</textarea><script>document.documentElement.setAttribute('data-pwned','textarea')</script>",
            "</script><script>document.documentElement.setAttribute('data-pwned','script')</script><!--",
            "<svg onload=\"document.documentElement.setAttribute('data-pwned','svg')\"></svg>",
            "{{view.casesJson}} {{{js}}} \u2028 \u2029 & &amp; | `code` @team");

    private ReportFixtures() {}

    /** A payload by index, cycling. */
    public static String payload(int i) { return PAYLOADS.get(Math.floorMod(i, PAYLOADS.size())); }

    /** {@code n} cases whose every text field carries a payload; B wins about 60%; both orders judged for every third case. */
    public static ReportModel hostile(int n) {
        List<String> axes = List.of("Clarity", "Accuracy <b>bold</b>");
        Random rnd = new Random(7);
        List<CaseRecord> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String tag = i % 3 == 0 ? payload(i) : "cat-" + (i % 4);
            Side a = new Side("A says " + payload(i) + " " + "word ".repeat(rnd.nextInt(40)), 100 + rnd.nextInt(50), 0.001, 50, false, null, false);
            boolean bFails = i % 97 == 5;
            Side b = new Side(bFails ? "" : "B says " + payload(i + 1) + " " + "word ".repeat(rnd.nextInt(60)), 120 + rnd.nextInt(50), 0.002, 60,
                    bFails, bFails ? "HTTP 500 " + payload(i) : null, i % 50 == 7);
            List<JudgeTrace> traces = new ArrayList<>();
            double u = rnd.nextDouble();
            Winner w = u < 0.6 ? Winner.B : u < 0.9 ? Winner.A : Winner.TIE;
            traces.add(trace(i % 2 == 0, w, axes, rnd, "reason " + payload(i + 2)));
            if (i % 3 == 0) traces.add(trace(i % 2 != 0, i % 6 == 0 ? flip(w) : w, axes, rnd, "second order " + payload(i + 3)));
            cases.add(new CaseRecord("case-" + i + (i % 5 == 0 ? payload(i) : ""), 0, Map.of("category", tag, "lang", i % 2 == 0 ? "en" : "de"),
                    "Question " + i + ": " + payload(i + 4), a, b, traces));
        }
        return model(cases, axes, "arena " + payload(0), false, ClusterBootstrap.MIN_RESAMPLES);
    }

    /** The marker in every untrusted text of {@link #bidiSpoof}: each starts with a right-to-left override. */
    public static final String SPOOF = "SPOOF";

    /**
     * {@code n} cases whose every untrusted text (ids, tags, question, answers, errors, judge name and reasons, axis
     * names) carries a bidi override and right-to-left letters, to check that none can reorder the page around it.
     */
    public static ReportModel bidiSpoof(int n) {
        List<String> axes = List.of(spoof("axis-1"), spoof("axis-2"));
        List<CaseRecord> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean errored = i % 2 == 1;
            Side a = new Side(spoof("answer-a-" + i), 100, 0.001, 50, false, null, false);
            Side b = new Side(errored ? "" : spoof("answer-b-" + i), 100, 0.001, 50, errored, errored ? spoof("error-b-" + i) : null, false);
            Map<String, Integer> high = new LinkedHashMap<>();
            Map<String, Integer> low = new LinkedHashMap<>();
            axes.forEach(axis -> { high.put(axis, 5); low.put(axis, 1); });
            List<JudgeTrace> traces = List.of(
                    new JudgeTrace(spoof("judge"), 0, false, JudgeStatus.OK, Winner.A, high, low, spoof("reason-" + i), "{}", false, null, 0.0, false),
                    new JudgeTrace(spoof("judge"), 0, true, JudgeStatus.FAILED, Winner.TIE, Map.of(), Map.of(), null, "", false, spoof("judge-error-" + i), 0.0, false));
            cases.add(new CaseRecord(spoof("case-" + i), 0, Map.of("category", spoof("tag")), spoof("question-" + i), a, b, traces));
        }
        return model(cases, axes, "arena", false, ClusterBootstrap.MIN_RESAMPLES);
    }

    private static String spoof(String text) { return "\u202E" + SPOOF + " " + text + " \u05D0\u05D1 12 \u2067x"; }

    /** Builds the model through the real analysis, as RecordedRun.analyze does. */
    public static ReportModel model(List<CaseRecord> cases, List<String> axes, String arena, boolean partial, int resamples) {
        DecisionPolicy policy = new DecisionPolicy(DecisionPolicy.Test.SUPERIORITY, 0, 0.05,
                List.of(new GuardrailSpec("error_rate_max", 0.05), new GuardrailSpec("axis_drop_max", 0.5)));
        AnalysisResult analysis = ArenaAnalysis.analyze(cases.stream().map(CaseRecord::outcome).toList(), axes,
                new AnalysisOptions(0.05, 42, resamples, policy));
        Map<String, Manifest.VariantInfo> variants = new LinkedHashMap<>();
        variants.put("A", new Manifest.VariantInfo("baseline " + payload(1), "sim", "m-a", "aa", "bb", Map.of("temperature", 0.0), List.of(), null, null));
        variants.put("B", new Manifest.VariantInfo("candidate " + payload(2), "sim", "m-b", "cc", "dd", Map.of("temperature", 0.0), List.of(), null, null));
        Manifest m = Manifest.builder().toolVersion("0.1.0-test").runId("20261123-000000-test").arena(arena)
                .config("arena.yaml", "0".repeat(64)).dataset("set.jsonl", "1".repeat(64)).rubric("rubric.yaml", "2".repeat(64))
                .judgeTemplateSha256("3".repeat(64)).cases(cases.size()).repeats(1).variants(variants)
                .judge(new Manifest.JudgeInfo("sim", "judge " + payload(3), "random", 42, 1, Map.of("temperature", 0.0), "built-in", null, null))
                .providers(Map.of("sim", new Manifest.ProviderInfo("sim", null, null, 8))).axes(axes).policy(policy)
                .startedAt("2026-11-23T00:00:00Z").end("2026-11-23T00:01:30Z", partial ? "interrupted " + payload(5) : null)
                .args(List.of("run", "arena.yaml")).build();
        return new ReportModel(ReportModel.SCHEMA_VERSION, m, analysis, cases);
    }

    /** The same model with another decision (to exercise FAIL, INCONCLUSIVE and RUN_ERROR renderings). */
    public static ReportModel withDecision(ReportModel m, Decision d) {
        AnalysisResult a = m.analysis();
        return new ReportModel(m.schemaVersion(), m.manifest(), new AnalysisResult(a.options(), a.axisNames(), a.winRate(), a.axes(),
                a.orderBias(), a.verbosity(), a.segments(), a.operations(), d, a.warnings()), m.cases());
    }

    private static JudgeTrace trace(boolean bFirst, Winner w, List<String> axes, Random rnd, String reason) {
        Map<String, Integer> sa = new LinkedHashMap<>();
        Map<String, Integer> sb = new LinkedHashMap<>();
        for (String axis : axes) {
            sa.put(axis, 1 + rnd.nextInt(5));
            sb.put(axis, 1 + rnd.nextInt(5));
        }
        return new JudgeTrace("sim-judge", 0, bFirst, JudgeStatus.OK, w, sa, sb, reason, "{raw}", false, null, 0.0005, false);
    }

    private static Winner flip(Winner w) { return w == Winner.A ? Winner.B : w == Winner.B ? Winner.A : Winner.TIE; }
}
